package dev.parley.session;

import java.security.cert.X509Certificate;

/**
 * A certificate trusted as it is, beyond the JDK trust store: the practice servers' self-signed
 * one, so that TLS to them verifies out of the box. Any bean of this type is picked up.
 */
public record TrustedCertificate(String label, X509Certificate certificate) {
}

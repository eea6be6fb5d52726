package dev.parley.session;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks a server's chain against the JDK trust store and any configured extra authorities (with
 * host-name verification), or accepts it when its leaf is one of the pinned {@link TrustedCertificate}s. One instance per handshake:
 * it remembers the outcome so the learner sees whether the chain verified even when
 * {@code insecure} let a failing one through.
 *
 * <p>With a {@code boundHost}, the name is checked against that host rather than the one the TLS
 * engine was made for: for a client that connects to the policy's checked address, where the
 * engine knows only the address ({@link CertificateNames}).
 */
final class VerifyingTrustManager extends X509ExtendedTrustManager {

    private final List<X509ExtendedTrustManager> authorities;
    private final List<TrustedCertificate> pinned;
    private final boolean insecure;
    private final String boundHost;
    private volatile boolean verified;
    private volatile String trust = "not checked";

    VerifyingTrustManager(List<X509ExtendedTrustManager> authorities, List<TrustedCertificate> pinned,
            boolean insecure) {
        this(authorities, pinned, insecure, null);
    }

    VerifyingTrustManager(List<X509ExtendedTrustManager> authorities, List<TrustedCertificate> pinned,
            boolean insecure, String boundHost) {
        this.authorities = authorities;
        this.pinned = pinned;
        this.insecure = insecure;
        this.boundHost = boundHost;
    }

    boolean verified() {
        return verified;
    }

    String trust() {
        return trust;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        judge(chain, boundHost != null ? bound(chain, authType) : trust -> trust.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        judge(chain, boundHost != null ? bound(chain, authType) : trust -> trust.checkServerTrusted(chain, authType, engine));
    }

    /** The chain against the authority, then the leaf's names against the bound host. */
    private Check bound(X509Certificate[] chain, String authType) {
        return trust -> {
            trust.checkServerTrusted(chain, authType);
            if (chain.length == 0 || !CertificateNames.match(chain[0], boundHost)) {
                throw new CertificateException("No subject alternative names matching " + boundHost + " found: the"
                        + " certificate is for " + (chain.length == 0 ? "nothing" : CertificateNames.names(chain[0])));
            }
        };
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        judge(chain, trust -> trust.checkServerTrusted(chain, authType));
    }

    private void judge(X509Certificate[] chain, Check check) throws CertificateException {
        for (TrustedCertificate candidate : pinned) {
            if (chain.length > 0 && chain[0].equals(candidate.certificate())) {
                verified = true;
                trust = "Trusted as " + candidate.label() + ".";
                return;
            }
        }
        CertificateException failure = null;
        for (X509ExtendedTrustManager authority : authorities) {
            try {
                check.run(authority);
                verified = true;
                trust = "The chain leads to a trusted certificate authority, and the name matches.";
                return;
            } catch (CertificateException e) {
                failure = failure == null ? e : failure;
            }
        }
        verified = false;
        trust = "Not verified: " + (failure == null ? "no trust store" : failure.getMessage());
        if (!insecure) {
            throw failure != null ? failure : new CertificateException("no trust store");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("Parley is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("Parley is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Parley is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities.getFirst().getAcceptedIssuers();
    }

    @FunctionalInterface
    private interface Check {
        void run(X509ExtendedTrustManager authority) throws CertificateException;
    }
}

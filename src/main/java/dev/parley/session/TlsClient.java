package dev.parley.session;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import dev.parley.security.TargetProperties;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.springframework.stereotype.Component;

/**
 * Runs TLS handshakes on already-connected sockets, for implicit TLS (right after connect) and
 * for STARTTLS/STLS (after the server's go-ahead) alike: one code path, so both verify the same way.
 */
@Component
public class TlsClient {

    /** A handshake's socket and what it established. */
    public record Handshake(SSLSocket socket, TlsFacts facts) {
    }

    private final List<X509ExtendedTrustManager> authorities;
    private final List<TrustedCertificate> pinned;

    public TlsClient(List<TrustedCertificate> pinned, TargetProperties targets) {
        this.pinned = List.copyOf(pinned);
        List<X509ExtendedTrustManager> trust = new ArrayList<>();
        trust.add(jdkTrustManager());
        ExtraTrust.load(targets.trustedCertificates()).ifPresent(trust::add);
        this.authorities = List.copyOf(trust);
    }

    /**
     * Layers TLS over {@code plain} and completes the handshake.
     *
     * @param host     the name the learner typed: sent as SNI and checked against the certificate
     * @param insecure accept a certificate that does not verify (the facts still say it did not)
     */
    public Handshake handshake(Socket plain, String host, int port, boolean insecure, Duration timeout)
            throws IOException {
        VerifyingTrustManager trust = new VerifyingTrustManager(authorities, pinned, insecure);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setUseClientMode(true);
        int previousTimeout = plain.getSoTimeout();
        socket.setSoTimeout((int) timeout.toMillis());
        socket.startHandshake();
        socket.setSoTimeout(previousTimeout);
        return new Handshake(socket, facts(socket.getSession(), trust));
    }

    /**
     * A socket factory for a library (Jakarta Mail in library mode) that connects to an
     * already-checked IP address: TLS is bound to {@code host}, the name the learner typed (SNI
     * and the certificate's name check), and trusts what live sessions trust. Never insecure.
     */
    public SSLSocketFactory socketFactory(String host, Duration connectTimeout) {
        return new HostBoundSocketFactory(host, this::verifyingContext, connectTimeout);
    }

    /**
     * A TLS context for a client that connects to the policy's checked address while the learner
     * typed {@code host} ({@code java.net.http} in library mode): it trusts what live sessions
     * trust (JDK store, configured authorities, pinned certificates), checks the certificate's
     * names against {@code host}, not the address, and never accepts a chain that does not verify.
     * Send {@link #serverNames(String)} with it.
     */
    public SSLContext sslContext(String host) {
        return context(new VerifyingTrustManager(authorities, pinned, false, host));
    }

    /** The SNI to send for {@code host}: its name, or none for an IP literal (RFC 6066 §3 allows names only). */
    public static SSLParameters serverNames(String host) {
        SSLParameters parameters = new SSLParameters();
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        boolean literal = name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        if (!literal) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(java.net.IDN.toASCII(name))));
            } catch (IllegalArgumentException e) {
                // Not a name SNI can carry: the certificate check still applies to it.
            }
        }
        return parameters;
    }

    private SSLContext verifyingContext() {
        return context(new VerifyingTrustManager(authorities, pinned, false));
    }

    private static SSLContext context(VerifyingTrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    private static TlsFacts facts(SSLSession session, VerifyingTrustManager trust) {
        String subject = null;
        String issuer = null;
        String notAfter = null;
        try {
            if (session.getPeerCertificates()[0] instanceof X509Certificate leaf) {
                subject = leaf.getSubjectX500Principal().getName();
                issuer = leaf.getIssuerX500Principal().getName();
                notAfter = leaf.getNotAfter().toInstant().toString();
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            subject = "(the server presented no certificate)";
        }
        return new TlsFacts(session.getProtocol(), session.getCipherSuite(), subject, issuer, notAfter,
                trust.verified(), trust.trust());
    }

    private static X509ExtendedTrustManager jdkTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java trust store cannot be loaded", e);
        }
        throw new IllegalStateException("The Java runtime offers no X.509 trust manager");
    }
}

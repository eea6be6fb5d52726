package dev.parley.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Certificate authorities trusted beyond the Java trust store ({@code parley.targets.trusted-certificates}):
 * chains are validated against them the normal way, host name included.
 */
final class ExtraTrust {

    private ExtraTrust() {
    }

    static Optional<X509ExtendedTrustManager> load(List<String> pemFiles) {
        if (pemFiles.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            int n = 0;
            for (String file : pemFiles) {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    for (Certificate certificate : factory.generateCertificates(in)) {
                        store.setCertificateEntry("extra-" + n++, certificate);
                    }
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager manager : tmf.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return Optional.of(x509);
                }
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("parley.targets.trusted-certificates cannot be read: " + e.getMessage(), e);
        }
    }
}

package dev.parley.practice;

import dev.parley.session.TrustedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Trusts the practice servers' certificate out of the box. GreenMail serves a self-signed
 * certificate from {@code greenmail.p12} on its classpath; Parley pins exactly that certificate,
 * which trusts the practice servers and nothing else.
 */
@Configuration(proxyBeanMethods = false)
class PracticeCertificate {

    @Bean
    TrustedCertificate practiceServersCertificate() throws IOException, GeneralSecurityException {
        try (InputStream in = PracticeCertificate.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            if (in == null) {
                throw new IOException("GreenMail's greenmail.p12 is not on the classpath");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "changeit".toCharArray());
            String alias = store.aliases().nextElement();
            return new TrustedCertificate("the Parley practice servers' certificate",
                    (X509Certificate) store.getCertificate(alias));
        }
    }
}

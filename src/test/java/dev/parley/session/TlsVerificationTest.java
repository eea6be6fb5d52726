package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.security.TargetProperties;
import dev.parley.support.RealServers;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * How a certificate is judged, against a real server (Dovecot IMAPS, signed by the test lab's own
 * CA): refused when nothing trusts it, let through but reported unverified with {@code insecure},
 * verified once its authority is configured, and refused for a name it was not issued for.
 */
class TlsVerificationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static TlsClient client(Map<String, String> properties) {
        TargetProperties targets = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("parley.targets", TargetProperties.class);
        return new TlsClient(List.of(), targets);
    }

    private static Socket connect(RealServers.Endpoint endpoint) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 5000);
        return socket;
    }

    @Test
    void anUnknownAuthorityIsRefusedUnlessInsecureThenReportedUnverified() throws Exception {
        RealServers.Endpoint imaps = RealServers.require("PARLEY_REAL_IMAPS", "Dovecot IMAPS");
        TlsClient jdkTrustOnly = client(Map.of());
        try (Socket plain = connect(imaps)) {
            assertThatThrownBy(() -> jdkTrustOnly.handshake(plain, "localhost", imaps.port(), false, TIMEOUT))
                    .isInstanceOf(SSLHandshakeException.class);
        }
        try (Socket plain = connect(imaps)) {
            TlsFacts facts = jdkTrustOnly.handshake(plain, "localhost", imaps.port(), true, TIMEOUT).facts();
            assertThat(facts.verified()).isFalse();
            assertThat(facts.trust()).startsWith("Not verified:");
            assertThat(facts.subject()).contains("CN=localhost");
            assertThat(facts.protocol()).startsWith("TLSv1.");
        }
    }

    @Test
    void aConfiguredAuthorityVerifiesTheChainAndTheName() throws Exception {
        RealServers.Endpoint imaps = RealServers.require("PARLEY_REAL_IMAPS", "Dovecot IMAPS");
        String ca = RealServers.caFile().orElseThrow();
        TlsClient withLabCa = client(Map.of("parley.targets.trusted-certificates", ca));
        try (Socket plain = connect(imaps)) {
            TlsFacts facts = withLabCa.handshake(plain, "localhost", imaps.port(), false, TIMEOUT).facts();
            assertThat(facts.verified()).isTrue();
            assertThat(facts.issuer()).contains("Parley Test CA");
        }
        try (Socket plain = connect(imaps)) {
            assertThatThrownBy(() -> withLabCa.handshake(plain, "mail.example.org", imaps.port(), false, TIMEOUT))
                    .as("the certificate names localhost, not the name asked for")
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }
}

package dev.parley.real;

import dev.parley.support.ParleyTest;
import dev.parley.support.RealServers;
import dev.parley.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the scenarios against real servers nobody here wrote (Dovecot, Postfix, nginx),
 * started on loopback by {@code scripts/real-servers.sh}. Skipped with a message where absent.
 */
@ParleyTest
abstract class RealServerTest {

    @LocalServerPort
    int appPort;

    WsClient ws;

    @BeforeEach
    void openSession() throws Exception {
        ws = WsClient.open(appPort);
    }

    @AfterEach
    void closeSession() throws Exception {
        ws.close();
    }

    WsClient.Answer greet(String protocol, RealServers.Endpoint endpoint, String tls) throws Exception {
        return ws.greeting(protocol, "localhost", endpoint.port(), tls);
    }

    /** Sends the STARTTLS-style command and asserts the socket was upgraded and the certificate verified. */
    JsonNode upgrade(String command, String goAhead) throws Exception {
        WsClient.Answer answer = ws.exchange(command);
        assertThat(answer.lines()).anyMatch(l -> l.startsWith(goAhead));
        JsonNode tls = ws.next("tls");
        assertThat(tls.path("upgraded").asBoolean()).isTrue();
        assertThat(tls.path("protocol").asString()).startsWith("TLSv1.");
        assertThat(tls.path("peer").path("subject").asString()).contains("CN=localhost");
        assertThat(tls.path("verified").asBoolean()).as(tls.path("trust").asString()).isTrue();
        return tls;
    }
}

package dev.parley.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Implicit TLS to the practice servers: the handshake is reported and their certificate is trusted out of the box. */
class PracticeTlsTest extends PracticeSessionTest {

    @ParameterizedTest
    @CsvSource({"imap, * OK", "pop3, +OK", "smtp, 220 "})
    void implicitTlsHandshakeIsReportedAndVerified(String protocol, String greeting) throws Exception {
        ws.connect(protocol, "localhost", port(protocol, "implicit"), "implicit");
        JsonNode tls = ws.next("tls");
        assertThat(tls.path("protocol").asString()).startsWith("TLSv1.");
        assertThat(tls.path("cipher").asString()).isNotBlank();
        assertThat(tls.path("peer").path("subject").asString()).contains("GreenMail");
        assertThat(tls.path("verified").asBoolean()).isTrue();
        assertThat(tls.path("upgraded").asBoolean()).isFalse();
        JsonNode first = ws.next("line");
        assertThat(first.path("text").asString()).startsWith(greeting);
        assertThat(first.path("secure").asBoolean()).isTrue();
    }
}

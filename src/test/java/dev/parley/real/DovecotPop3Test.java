package dev.parley.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.RealServers;
import dev.parley.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lesson's POP3 conversation against Dovecot, after STLS and over implicit TLS. */
class DovecotPop3Test extends RealServerTest {

    @Test
    void stlsThenTheLessonListsRetrievesAndDeletes() throws Exception {
        RealServers.Endpoint pop3 = RealServers.require("PARLEY_REAL_POP3", "Dovecot POP3");
        assertThat(greet("pop3", pop3, "none").firstLine()).startsWith("+OK");
        assertThat(ws.exchange("CAPA").lines()).contains("STLS", ".");
        upgrade("STLS", "+OK");
        assertThat(ws.exchange("USER bob").firstLine()).startsWith("+OK");
        assertThat(ws.exchange("PASS redqueen").firstLine()).startsWith("+OK");

        WsClient.Answer stat = ws.exchange("STAT");
        assertThat(stat.firstLine()).matches("\\+OK \\d+ \\d+");
        WsClient.Answer list = ws.exchange("LIST");
        assertThat(list.lines().getLast()).isEqualTo(".");
        assertThat(list.lines().get(1)).matches("1 \\d+");

        WsClient.Answer retr = ws.exchange("RETR 1");
        assertThat(retr.lines()).anyMatch(l -> l.startsWith("Subject:"));
        assertThat(retr.lines().getLast()).isEqualTo(".");
        assertThat(retr.events()).allMatch(e -> !e.has("secure") || e.path("secure").asBoolean());

        assertThat(ws.exchange("DELE 1").firstLine()).startsWith("+OK");
        // RSET undoes the deletion so the shared test mailbox stays as seeded for the next run.
        assertThat(ws.exchange("RSET").firstLine()).startsWith("+OK");
        assertThat(ws.exchange("QUIT").firstLine()).startsWith("+OK");
        assertThat(ws.next("closed").path("by").asString()).isEqualTo("server");
    }

    @Test
    void implicitTlsGreetsAfterTheHandshake() throws Exception {
        RealServers.Endpoint pop3s = RealServers.require("PARLEY_REAL_POP3S", "Dovecot POP3S");
        ws.connect("pop3", "localhost", pop3s.port(), "implicit");
        JsonNode tls = ws.next("tls");
        assertThat(tls.path("verified").asBoolean()).as(tls.path("trust").asString()).isTrue();
        assertThat(ws.answer().firstLine()).startsWith("+OK");
    }
}

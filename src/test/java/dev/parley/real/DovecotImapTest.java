package dev.parley.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.RealServers;
import dev.parley.support.WsClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lesson's IMAP conversation against Dovecot, in plaintext upgraded with STARTTLS and with implicit TLS. */
class DovecotImapTest extends RealServerTest {

    @Test
    void startTlsThenTheLessonFetchesWithLiteralsThatAddUpToTheSize() throws Exception {
        RealServers.Endpoint imap = RealServers.require("PARLEY_REAL_IMAP", "Dovecot IMAP");
        assertThat(greet("imap", imap, "none").firstLine()).startsWith("* OK");
        assertThat(String.join(" ", ws.exchange("CAPABILITY").lines())).contains("STARTTLS");

        ws.send("STARTTLS");
        ws.send("LOGIN demo demo");
        WsClient.Answer goAhead = ws.answer();
        assertThat(goAhead.lines().getLast()).startsWith("A0002 OK");
        JsonNode tls = ws.next("tls");
        assertThat(tls.path("upgraded").asBoolean()).isTrue();
        assertThat(tls.path("verified").asBoolean()).as(tls.path("trust").asString()).isTrue();
        JsonNode login = ws.next(e -> e.path("dir").asString().equals("C")
                && e.path("text").asString().contains("LOGIN"), "the LOGIN typed ahead");
        assertThat(login.path("secure").asBoolean()).as("typed ahead, but sent only inside TLS").isTrue();
        assertThat(ws.answer().lines().getLast()).startsWith("A0003 OK");

        WsClient.Answer select = ws.exchange("SELECT INBOX");
        assertThat(select.lines()).anyMatch(l -> l.matches("\\* \\d+ EXISTS"));
        assertThat(select.lines()).anyMatch(l -> l.contains("[UIDVALIDITY "));

        WsClient.Answer search = ws.exchange("SEARCH FROM \"cris\"");
        assertThat(search.lines()).anyMatch(l -> l.startsWith("* SEARCH 1"));

        Matcher size = Pattern.compile("RFC822\\.SIZE (\\d+)")
                .matcher(String.join("\n", ws.exchange("FETCH 1 RFC822.SIZE").lines()));
        assertThat(size.find()).isTrue();
        JsonNode header = ws.exchange("FETCH 1 BODY[HEADER]").literals().getFirst();
        assertThat(header.path("text").asString()).contains("From: cris");
        JsonNode text = ws.exchange("FETCH 1 BODY[TEXT]").literals().getFirst();
        assertThat(text.path("text").asString()).contains("If you are reading this email");
        assertThat(header.path("octets").asLong() + text.path("octets").asLong())
                .isEqualTo(Long.parseLong(size.group(1)));

        WsClient.Answer logout = ws.exchange("LOGOUT");
        assertThat(logout.lines()).anyMatch(l -> l.startsWith("* BYE"));
        assertThat(ws.next("closed").path("by").asString()).isEqualTo("server");
    }

    @Test
    void implicitTlsIsVerifiedAgainstTheTestAuthority() throws Exception {
        RealServers.Endpoint imaps = RealServers.require("PARLEY_REAL_IMAPS", "Dovecot IMAPS");
        ws.connect("imap", "localhost", imaps.port(), "implicit");
        JsonNode tls = ws.next("tls");
        assertThat(tls.path("verified").asBoolean()).as(tls.path("trust").asString()).isTrue();
        assertThat(tls.path("upgraded").asBoolean()).isFalse();
        assertThat(ws.answer().firstLine()).startsWith("* OK");
        assertThat(ws.exchange("LOGIN bob redqueen").lines().getLast()).startsWith("A0001 OK");
        assertThat(ws.exchange("EXAMINE INBOX").lines().getLast()).contains("[READ-ONLY]");
    }

    @Test
    void idleStaysOpenUntilDone() throws Exception {
        RealServers.Endpoint imap = RealServers.require("PARLEY_REAL_IMAP", "Dovecot IMAP");
        greet("imap", imap, "none");
        ws.exchange("LOGIN frobozz xyzzy");
        ws.exchange("SELECT INBOX");
        WsClient.Answer idling = ws.exchange("IDLE");
        assertThat(idling.status()).isEqualTo("continue");
        assertThat(idling.sent()).containsExactly("A0003 IDLE");
        assertThat(idling.firstLine()).startsWith("+ ");
        WsClient.Answer done = ws.exchange("DONE");
        assertThat(done.lines().getLast()).startsWith("A0003 OK");
    }
}

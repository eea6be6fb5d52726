package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.WsClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/practice/reset} refills the practice mailboxes, and the lesson's loop (send with
 * SMTP, read and delete with POP3, read with IMAP) works twice in a row for the same mailbox.
 */
@ParleyTest
class PracticeResetApiTest {

    @LocalServerPort
    int port;

    @Autowired
    PracticeServers practice;

    @Test
    void resetRefillsAnEmptiedMaildropAndSaysWhatEachMailboxHolds() throws Exception {
        Api api = new Api(port);
        for (int round = 1; round <= 2; round++) {
            Api.Reply reset = api.postJson("/api/practice/reset", Map.of());
            assertThat(reset.status()).isEqualTo(200);
            JsonNode body = reset.json();
            assertThat(body.path("reset").asBoolean()).isTrue();
            assertThat(body.path("message").asString()).contains("bob has 2 messages");
            assertThat(body.path("mailboxes").get(0).path("user").asString()).isEqualTo("bob");

            try (WsClient ws = WsClient.open(port)) {
                lessonLoop(ws, round);
            }
        }
    }

    /** SMTP to bob, then POP3: three messages, the new one read and everything deleted; then IMAP sees none. */
    private void lessonLoop(WsClient ws, int round) throws Exception {
        ws.greeting("smtp", "localhost", practice.endpoint("smtp", "none").port(), "none");
        ws.exchange("EHLO parley.local");
        assertThat(ws.exchange("MAIL FROM:<demo@localhost>").firstLine()).startsWith("250");
        assertThat(ws.exchange("RCPT TO:<bob@localhost>").firstLine()).startsWith("250");
        assertThat(ws.exchange("DATA").firstLine()).startsWith("354");
        ws.payload("Subject: round " + round + "\r\n\r\nBlah blah blah...\r\n...etc. etc. etc.\r\n");
        assertThat(ws.answer().firstLine()).startsWith("250");
        ws.exchange("QUIT");
        ws.next("closed");

        ws.greeting("pop3", "localhost", practice.endpoint("pop3", "none").port(), "none");
        ws.exchange("USER bob");
        assertThat(ws.exchange("PASS redqueen").firstLine()).startsWith("+OK bob's maildrop has 3 messages");
        assertThat(ws.exchange("STAT").firstLine()).startsWith("+OK 3 ");
        assertThat(ws.exchange("RETR 3").lines()).contains("Subject: round " + round, "....etc. etc. etc.");
        for (int n = 1; n <= 3; n++) {
            assertThat(ws.exchange("DELE " + n).firstLine()).startsWith("+OK");
        }
        ws.exchange("QUIT");
        ws.next("closed");

        ws.greeting("imap", "localhost", practice.endpoint("imap", "none").port(), "none");
        ws.exchange("LOGIN bob redqueen");
        assertThat(ws.exchange("SELECT INBOX").lines()).contains("* 0 EXISTS");
        ws.exchange("LOGOUT");
        ws.next("closed");
    }
}

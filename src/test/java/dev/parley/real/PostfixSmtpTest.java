package dev.parley.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.RealServers;
import dev.parley.support.WsClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SMTP with STARTTLS against Postfix, delivering into Dovecot's mailboxes: SMTP to IMAP end to end. */
class PostfixSmtpTest extends RealServerTest {

    @Test
    void startTlsSendRejectUnknownRecipientThenReadItBackWithImap() throws Exception {
        RealServers.Endpoint smtp = RealServers.require("PARLEY_REAL_SMTP", "Postfix SMTP");
        RealServers.Endpoint imap = RealServers.require("PARLEY_REAL_IMAP", "Dovecot IMAP");
        String subject = "Parley " + UUID.randomUUID();

        assertThat(greet("smtp", smtp, "none").firstLine()).startsWith("220 ");
        WsClient.Answer ehlo = ws.exchange("EHLO parley.test");
        assertThat(ehlo.lines()).anyMatch(l -> l.equals("250-STARTTLS"));
        upgrade("STARTTLS", "220");
        assertThat(ws.exchange("EHLO parley.test").lines()).noneMatch(l -> l.contains("STARTTLS"));
        assertThat(ws.exchange("MAIL FROM:<bob@localhost>").firstLine()).startsWith("250");
        assertThat(ws.exchange("RCPT TO:<demo@localhost>").firstLine()).startsWith("250");
        WsClient.Answer unknown = ws.exchange("RCPT TO:<green@localhost>");
        assertThat(unknown.firstLine()).startsWith("550");
        assertThat(unknown.status()).isEqualTo("error");
        assertThat(ws.exchange("DATA").firstLine()).startsWith("354");
        ws.payload("From: bob@localhost\nTo: demo@localhost\nSubject: " + subject + "\n\nBlah blah blah...\n...etc. etc. etc.\n");
        assertThat(ws.answer().firstLine()).startsWith("250");
        assertThat(ws.exchange("QUIT").firstLine()).startsWith("221");
        ws.next("closed");

        greet("imap", imap, "none");
        ws.exchange("LOGIN demo demo");
        String found = "";
        for (int attempt = 0; attempt < 20 && !found.matches("\\* SEARCH \\d+.*"); attempt++) {
            ws.exchange("SELECT INBOX");
            found = ws.exchange("SEARCH SUBJECT \"" + subject + "\"").firstLine();
            if (!found.matches("\\* SEARCH \\d+.*")) {
                Thread.sleep(250);
            }
        }
        assertThat(found).as("the message arrived in demo's Dovecot mailbox").matches("\\* SEARCH \\d+.*");
        String number = found.split(" ")[2];
        assertThat(ws.exchange("FETCH " + number + " BODY[TEXT]").literals().getFirst().path("text").asString())
                .contains("...etc. etc. etc.");
    }
}

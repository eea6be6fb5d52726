package dev.parley.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lesson's SMTP transcript, reproduced through {@code /ws/session} against the practice SMTP server. */
class PracticeSmtpTest extends PracticeSessionTest {

    @Test
    void lessonTranscriptWithRejectedRecipientDeliversToTheKnownOne() throws Exception {
        WsClient.Answer greeting = greet("smtp");
        assertThat(greeting.firstLine()).startsWith("220 ");
        assertThat(greeting.status()).isEqualTo("ok");

        WsClient.Answer ehlo = ws.exchange("EHLO bar.com");
        assertThat(ehlo.lines()).last().asString().startsWith("250 ");
        assertThat(ehlo.status()).isEqualTo("ok");

        assertThat(ws.exchange("MAIL FROM:<bob@localhost>").firstLine()).startsWith("250");
        assertThat(ws.exchange("RCPT TO:<demo@localhost>").firstLine()).startsWith("250");
        WsClient.Answer rejected = ws.exchange("RCPT TO:<green@localhost>");
        assertThat(rejected.firstLine()).startsWith("550");
        assertThat(rejected.status()).isEqualTo("error");

        WsClient.Answer data = ws.exchange("DATA");
        assertThat(data.firstLine()).startsWith("354");
        assertThat(data.status()).isEqualTo("continue");
        ws.send("Subject: Blah");
        ws.send("");
        ws.send("Blah blah blah...");
        ws.send("...etc. etc. etc.");
        JsonNode stuffed = ws.next(e -> e.path("dir").asString().equals("C")
                && e.path("text").asString().endsWith("etc. etc. etc."), "the dot-stuffed line");
        assertThat(stuffed.path("text").asString()).isEqualTo("....etc. etc. etc.");
        WsClient.Answer accepted = ws.exchange(".");
        assertThat(accepted.firstLine()).startsWith("250");

        WsClient.Answer quit = ws.exchange("QUIT");
        assertThat(quit.firstLine()).startsWith("221");
        assertThat(ws.next("closed").path("by").asString()).isEqualTo("server");

        WsClient.Answer pop = ws.greeting("pop3", "localhost", port("pop3", "none"), "none");
        assertThat(pop.firstLine()).startsWith("+OK");
        ws.exchange("USER demo");
        assertThat(ws.exchange("PASS demo").status()).isEqualTo("ok");
        assertThat(ws.exchange("STAT").firstLine()).startsWith("+OK 2 ");
        // The POP3 server dot-stuffs the line again on its way out; the learner sees it as sent on the wire.
        assertThat(ws.exchange("RETR 2").lines()).contains("Blah blah blah...", "....etc. etc. etc.", ".");
    }

    @Test
    void wholeMessageSentAsPayloadIsDotStuffedAndAccepted() throws Exception {
        greet("smtp");
        ws.exchange("HELO parley.test");
        ws.exchange("MAIL FROM:<demo@localhost>");
        ws.exchange("RCPT TO:<bob@localhost>");
        ws.exchange("DATA");
        ws.payload("Subject: payload\n\nline one\n.hidden dot\nlast line");
        WsClient.Answer accepted = ws.answer();
        assertThat(accepted.firstLine()).startsWith("250");
        assertThat(accepted.events()).extracting(e -> e.path("text").asString())
                .contains("..hidden dot", ".");
    }

    @Test
    void serverLinesCarryTheirMeaning() throws Exception {
        greet("smtp");
        WsClient.Answer ehlo = ws.exchange("EHLO parley.test");
        JsonNode command = ehlo.events().stream().filter(e -> e.path("dir").asString().equals("C"))
                .findFirst().orElseThrow();
        assertThat(command.path("annotation").path("verb").asString()).isEqualTo("EHLO");
        assertThat(command.path("annotation").path("meaning").asString()).isNotBlank();
        JsonNode last = ehlo.events().stream().filter(e -> e.path("dir").asString().equals("S"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.path("annotation").path("code").asString()).isEqualTo("250");
        assertThat(last.path("annotation").path("final").asBoolean()).isTrue();
        assertThat(last.path("terminator").asString()).isEqualTo("CRLF");
        assertThat(ehlo.complete().path("elapsedMicros").asLong()).isPositive();
    }
}

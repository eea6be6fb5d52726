package dev.parley.protocol.smtp;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.server;
import static dev.parley.protocol.smtp.SmtpDialectTest.lines;
import static dev.parley.protocol.smtp.SmtpDialectTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.SplitFeeder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per malformed reply form: each is shown with a malformed annotation, never thrown. */
class SmtpMalformedReplyTest {

    @Test
    void codeWithoutSpaceOrHyphenEndsTheReplyWithError() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("NOOP"), server("250OK\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: 250OK | malformed 250 last", "complete error");
        Annotation a = lines(events).get(1).annotation();
        assertThat(a.meaning()).contains("neither", "space", "hyphen");
    }

    @Test
    void nonNumericCodeEndsTheReplyWithError() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("NOOP"), server("OK fine\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: OK fine | malformed last", "complete error");
        assertThat(lines(events).get(1).annotation().meaning()).contains("three-digit code", "\u201cOK \u201d");
    }

    @Test
    void nonNumericLineInsideMultiLineReplyEndsIt() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("EHLO me"), server("250-hi\r\nSIZE 10\r\n250 HELP\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: 220 ready | reply 220 last", "complete ok",
                "S: 250-hi | reply 250 more", "S: SIZE 10 | malformed last", "complete error",
                "S: 250 HELP | reply 250 last", "notice: The server sent this reply although no command was waiting for one.");
    }

    @Test
    void continuationWithDifferentCodeKeepsReadingAndEndsWithError() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("EHLO me"), server("250-hi\r\n251-odd\r\n250 HELP\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: 220 ready | reply 220 last", "complete ok",
                "S: 250-hi | reply 250 more", "S: 251-odd | malformed 251 more", "S: 250 HELP | reply 250 last", "complete error");
        assertThat(lines(events).get(2).annotation().meaning()).contains("differs from the first line's 250");
    }

    @Test
    void finalLineWithDifferentCodeEndsTheReplyWithError() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("EHLO me"), server("250-hi\r\n550 no\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: 250-hi | reply 250 more", "S: 550 no | malformed 550 last",
                "complete error");
    }

    @Test
    void tooShortLineEndsTheReplyWithError() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("NOOP"), server("25\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: 25 | malformed last", "complete error");
        assertThat(lines(events).get(1).annotation().meaning()).contains("only 2 characters");
    }

    @Test
    void emptyLineIsTooShort() {
        List<DialectEvent> events = run(server("\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S:  | malformed last", "complete error");
    }

    @Test
    void codeOutsideTwoToFiveIsAnErrorReply() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("NOOP"), server("199 what\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: 199 what | reply 199 last", "complete error");
        assertThat(lines(events).get(1).annotation().meaning()).contains("first digit must be 2, 3, 4 or 5");
    }
}

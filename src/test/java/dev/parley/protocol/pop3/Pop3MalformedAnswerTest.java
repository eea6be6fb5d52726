package dev.parley.protocol.pop3;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.server;
import static dev.parley.protocol.pop3.Pop3DialectTest.lines;
import static dev.parley.protocol.pop3.Pop3DialectTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.SplitFeeder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per malformed form. A malformed status line ends the answer with ERROR, even after a
 * multi-line command (nothing says a listing follows); a malformed line inside a listing is shown
 * and the listing goes on.
 */
class Pop3MalformedAnswerTest {

    @Test
    void lineThatIsNeitherOkNorErrEndsTheAnswerWithError() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("STAT"), server("250 OK\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: 250 OK | malformed last", "complete error");
        assertThat(lines(events).get(1).annotation().meaning()).contains("starts with neither");
    }

    @Test
    void lowerCaseIndicatorIsMalformed() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("NOOP"), server("+ok\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: +ok | malformed last", "complete error");
        assertThat(lines(events).get(1).annotation().meaning()).contains("upper case");
    }

    @Test
    void indicatorGluedToTextIsMalformed() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("NOOP"), server("+OKAY\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: +OKAY | malformed last", "complete error");
        assertThat(lines(events).get(1).annotation().meaning()).contains("glued");
    }

    @Test
    void continuationOutsideAuthIsMalformed() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("NOOP"), server("+ go on\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: + go on | malformed last", "complete error");
        assertThat(lines(events).get(1).annotation().meaning()).contains("only answers AUTH");
    }

    @Test
    void malformedStatusForMultiLineCommandEndsTheAnswer() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("LIST"), server("OK\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: OK | malformed last", "complete error");
    }

    @Test
    void unstuffedDotLineInsideListingIsShownAndTheListingGoesOn() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("RETR 1"), server("+OK\r\n.hidden\r\n.\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: +OK | reply +OK more", "S: .hidden | malformed",
                "S: . | data last", "complete ok");
        Annotation a = lines(events).get(2).annotation();
        assertThat(a.meaning()).contains("second '.'");
    }

    @Test
    void emptyStatusLineIsMalformed() {
        List<DialectEvent> events = run(server("\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S:  | malformed last", "complete error");
    }
}

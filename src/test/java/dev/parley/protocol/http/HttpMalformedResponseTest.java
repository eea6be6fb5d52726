package dev.parley.protocol.http;

import static dev.parley.protocol.http.HttpEvents.after;
import static dev.parley.protocol.http.HttpEvents.afterGet;
import static dev.parley.protocol.http.HttpEvents.describe;
import static dev.parley.protocol.http.HttpSplitFeeder.feedEverySplit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per malformed form and per limit: shown as values, never thrown. */
class HttpMalformedResponseTest {

    private static final FramingLimits SMALL = new FramingLimits(64, 64, 200);

    @Test
    void statusLineThatIsNotHttpIsFlaggedAndTheRestReadUntilClose() {
        List<DialectEvent> events = feedEverySplit(afterGet(), "<html>hello\r\n</html>\r\n", true);

        assertThat(describe(events)).containsExactly(
                "malformed \"<html>hello\" CRLF",
                "data \"</html>\" CRLF",
                "complete ERROR");
        assertThat(((DialectEvent.ServerLine) events.get(0)).annotation().meaning()).contains("HTTP/1.1 200 OK");
    }

    @Test
    void statusCodeThatIsNotThreeDigitsIsMalformed() {
        List<DialectEvent> events = feedEverySplit(afterGet(), "HTTP/1.1 2000 OK\r\n", true);

        assertThat(describe(events)).containsExactly("malformed \"HTTP/1.1 2000 OK\" CRLF", "complete ERROR");
    }

    @Test
    void badChunkSizeEndsTheResponseWithError() {
        String script = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nrest\r\n";
        List<DialectEvent> events = feedEverySplit(afterGet(), script, true);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "data \"Transfer-Encoding: chunked\" CRLF",
                "data \"\" CRLF",
                "malformed \"zz\" CRLF",
                "complete ERROR",
                "data \"rest\" CRLF");
    }

    @Test
    void chunkLongerThanItsSizeEndsTheResponseWithError() {
        String script = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\nabc\r\n0\r\n\r\n";
        List<DialectEvent> events = feedEverySplit(afterGet(), script, false);

        assertThat(describe(events)).endsWith(
                "data \"2\" CRLF",
                "data \"ab\" NONE",
                "malformed \"c\" CRLF",
                "complete ERROR",
                "data \"0\" CRLF",
                "data \"\" CRLF");
    }

    @Test
    void contentLengthThatIsNotANumberIsMalformedAndTheBodyLastsUntilClose() {
        String script = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ten\r\n\r\nbody";
        List<DialectEvent> events = feedEverySplit(afterGet(), script, true);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "data \"Content-Type: text/plain\" CRLF",
                "malformed \"Content-Length: ten\" CRLF",
                "data \"\" CRLF",
                "data \"body\" NONE",
                "complete ERROR");
    }

    @Test
    void twoDifferentContentLengthsAreMalformed() {
        String script = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab";
        List<DialectEvent> events = feedEverySplit(afterGet(), script, true);

        assertThat(describe(events)).contains("malformed \"Content-Length: 2\" CRLF").endsWith("complete ERROR");
    }

    @Test
    void headerLineWithoutColonIsMalformed() {
        String script = "HTTP/1.1 200 OK\r\nNo colon here\r\n Folded: x\r\nContent-Length: 0\r\n\r\n";
        List<DialectEvent> events = feedEverySplit(afterGet(), script, false);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "malformed \"No colon here\" CRLF",
                "malformed \" Folded: x\" CRLF",
                "data \"Content-Length: 0\" CRLF",
                "data \"\" CRLF",
                "complete OK");
    }

    @Test
    void closeInTheMiddleOfTheHeadShowsThePartialLine() {
        List<DialectEvent> events = feedEverySplit(afterGet(), "HTTP/1.1 200 OK\r\nContent-Le", true);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "malformed \"Content-Le\" NONE",
                "notice The server closed the connection before the response was complete.",
                "complete ERROR");
    }

    @Test
    void announcedBodyOverTheAnswerLimitIsLimitExceeded() {
        List<DialectEvent> events = feedEverySplit(after(SMALL, "GET / HTTP/1.1", "Host: h", ""),
                "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\nabc", false);

        assertThat(describe(events)).last().asString().startsWith("limit The server announced a body of 500 octets");
    }

    @Test
    void chunkOverTheAnswerLimitIsLimitExceeded() {
        List<DialectEvent> events = feedEverySplit(after(SMALL, "GET / HTTP/1.1", "Host: h", ""),
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n", false);

        assertThat(describe(events)).last().asString().startsWith("limit The server announced a chunk of too many");
    }

    @Test
    void bodyUntilCloseOverTheAnswerLimitIsLimitExceeded() {
        String script = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + "x".repeat(300);
        List<DialectEvent> events = feedEverySplit(after(SMALL, "GET / HTTP/1.1", "Host: h", ""), script, true);

        assertThat(describe(events)).last().asString()
                .isEqualTo("limit The server's response is 201 octets or more, over the 200-octet limit for one answer.");
        assertThat(describe(events)).noneMatch(e -> e.startsWith("complete"));
    }

    @Test
    void overlongHeaderLineIsLimitExceeded() {
        String script = "HTTP/1.1 200 OK\r\nX-Long: " + "y".repeat(100) + "\r\n\r\n";
        List<DialectEvent> events = feedEverySplit(after(SMALL, "GET / HTTP/1.1", "Host: h", ""), script, false);

        assertThat(describe(events)).hasSize(2);
        assertThat(describe(events).get(1)).startsWith("limit The server sent a line of");
    }

    @Test
    void endlessHeaderSectionHitsTheAnswerLimit() {
        String script = "HTTP/1.1 200 OK\r\n" + "A: b\r\n".repeat(60);
        List<DialectEvent> events = feedEverySplit(after(SMALL, "GET / HTTP/1.1", "Host: h", ""), script, false);

        assertThat(describe(events)).last().asString().startsWith("limit The server's response is");
    }

    @Test
    void nothingIsReadAfterALimit() {
        HttpDialect dialect = (HttpDialect) after(SMALL, "GET / HTTP/1.1", "Host: h", "").get();
        byte[] overlong = ("X".repeat(100) + "\r\n").getBytes();
        dialect.read(overlong, 0, overlong.length);
        byte[] more = "HTTP/1.1 200 OK\r\n\r\n".getBytes();

        assertThat(dialect.read(more, 0, more.length)).isEmpty();
        assertThat(dialect.endOfInput()).isEmpty();
    }
}

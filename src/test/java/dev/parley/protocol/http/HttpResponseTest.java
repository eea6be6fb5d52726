package dev.parley.protocol.http;

import static dev.parley.protocol.http.HttpEvents.after;
import static dev.parley.protocol.http.HttpEvents.afterGet;
import static dev.parley.protocol.http.HttpEvents.describe;
import static dev.parley.protocol.http.HttpSplitFeeder.feedEverySplit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 responses (RFC 9112), each script also fed split at every octet boundary. */
class HttpResponseTest {

    private static final String HEAD_OK = "HTTP/1.1 200 OK\r\n";

    @Test
    void contentLengthBodyIsReadByCountAndShownAsLines() {
        List<DialectEvent> events = feedEverySplit(afterGet(), HEAD_OK
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 12\r\n\r\nhello\r\nworld", false);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "data \"Content-Type: text/plain; charset=utf-8\" CRLF",
                "data \"Content-Length: 12\" CRLF",
                "data \"\" CRLF",
                "data \"hello\" CRLF",
                "data \"world\" NONE",
                "complete OK");
        Annotation status = ((DialectEvent.ServerLine) events.get(0)).annotation();
        assertThat(status.last()).isTrue();
        assertThat(status.reference()).isEqualTo("RFC 9110 §15.3.1");
        assertThat(((DialectEvent.ServerLine) events.get(3)).annotation().meaning()).contains("12 octets");
    }

    @Test
    void headResponseHasNoBodyEvenWithContentLength() {
        String script = HEAD_OK + "Content-Length: 5120\r\nContent-Type: text/html\r\n\r\n"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        List<DialectEvent> events = feedEverySplit(after(FramingLimits.DEFAULT,
                "HEAD / HTTP/1.1", "Host: example.com", "", "GET /missing HTTP/1.1", "Host: example.com", ""),
                script, false);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "data \"Content-Length: 5120\" CRLF",
                "data \"Content-Type: text/html\" CRLF",
                "data \"\" CRLF",
                "complete OK",
                "reply 404 \"HTTP/1.1 404 Not Found\" CRLF",
                "data \"Content-Length: 0\" CRLF",
                "data \"\" CRLF",
                "complete ERROR");
        assertThat(((DialectEvent.ServerLine) events.get(3)).annotation().meaning()).contains("HEAD");
    }

    @Test
    void noContentAndNotModifiedHaveNoBody() {
        String script = "HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n";
        List<DialectEvent> events = feedEverySplit(afterGet(), script, false);

        assertThat(describe(events)).containsExactly(
                "reply 204 \"HTTP/1.1 204 No Content\" CRLF",
                "data \"Content-Length: 3\" CRLF",
                "data \"\" CRLF",
                "complete OK",
                "reply 304 \"HTTP/1.1 304 Not Modified\" CRLF",
                "data \"ETag: \"x\"\" CRLF",
                "data \"\" CRLF",
                "complete OK");
    }

    @Test
    void chunkedBodyShowsSizesDataExtensionsAndTrailers() {
        String script = HEAD_OK + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1a;name=value\r\nabcdefghijklmnopqrstuvwxyz\r\n"
                + "7\r\nline\r\nx\r\n"
                + "0\r\nExpires: never\r\n\r\n";
        List<DialectEvent> events = feedEverySplit(afterGet(), script, false);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "data \"Content-Type: text/plain\" CRLF",
                "data \"Transfer-Encoding: chunked\" CRLF",
                "data \"\" CRLF",
                "data \"1a;name=value\" CRLF",
                "data \"abcdefghijklmnopqrstuvwxyz\" NONE",
                "data \"7\" CRLF",
                "data \"line\" CRLF",
                "data \"x\" NONE",
                "data \"0\" CRLF",
                "data \"Expires: never\" CRLF",
                "data \"\" CRLF",
                "complete OK");
        String sizeMeaning = ((DialectEvent.ServerLine) events.get(4)).annotation().meaning();
        assertThat(sizeMeaning).contains("a chunk of 26 octets follows").contains("name=value");
        assertThat(((DialectEvent.ServerLine) events.get(10)).annotation().meaning()).startsWith("Trailer field");
    }

    @Test
    void bodyWithoutLengthLastsUntilTheServerCloses() {
        List<DialectEvent> events = feedEverySplit(afterGet(),
                "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\n<p>bye", true);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.0 200 OK\" CRLF",
                "data \"Content-Type: text/html\" CRLF",
                "data \"\" CRLF",
                "data \"<p>hi</p>\" LF",
                "data \"<p>bye\" NONE",
                "complete OK");
    }

    @Test
    void untilCloseBodyDoesNotCompleteBeforeTheClose() {
        HttpDialect dialect = (HttpDialect) afterGet().get();
        byte[] script = (HEAD_OK + "Content-Type: text/plain\r\n\r\nmore to come\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(describe(dialect.read(script, 0, script.length))).doesNotContain("complete OK");
        assertThat(describe(dialect.endOfInput())).containsExactly("complete OK");
    }

    @Test
    void keepAliveResponsesBackToBackInOneReadCompleteEach() {
        String script = HEAD_OK + "Content-Length: 2\r\n\r\nab"
                + "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 3\r\nConnection: close\r\n\r\nxyz";
        List<DialectEvent> events = feedEverySplit(after(FramingLimits.DEFAULT,
                "GET /a HTTP/1.1", "Host: h", "", "GET /b HTTP/1.1", "Host: h", ""), script, false);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "data \"Content-Length: 2\" CRLF",
                "data \"\" CRLF",
                "data \"ab\" NONE",
                "complete OK",
                "reply 500 \"HTTP/1.1 500 Internal Server Error\" CRLF",
                "data \"Content-Length: 3\" CRLF",
                "data \"Connection: close\" CRLF",
                "data \"\" CRLF",
                "data \"xyz\" NONE",
                "complete ERROR");
    }

    @Test
    void interimContinueIsShownButOnlyTheFinalResponseCompletes() {
        String script = "HTTP/1.1 100 Continue\r\n\r\n" + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n";
        List<DialectEvent> events = feedEverySplit(after(FramingLimits.DEFAULT, "POST /f HTTP/1.1", "Host: h",
                "Expect: 100-continue", "Content-Length: 2", ""), script, false);

        assertThat(describe(events)).containsExactly(
                "reply 100 \"HTTP/1.1 100 Continue\" CRLF",
                "data \"\" CRLF",
                "reply 201 \"HTTP/1.1 201 Created\" CRLF",
                "data \"Content-Length: 0\" CRLF",
                "data \"\" CRLF",
                "complete OK");
        assertThat(((DialectEvent.ServerLine) events.get(0)).annotation().last()).isFalse();
        assertThat(((DialectEvent.ServerLine) events.get(2)).annotation().last()).isTrue();
    }

    @Test
    void switchingProtocolsCompletesAndShowsTheRestUninterpreted() {
        String script = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: foo\r\n\r\nHTTP/1.1 200 OK\r\n";
        List<DialectEvent> events = feedEverySplit(afterGet(), script, true);

        assertThat(describe(events)).containsExactly(
                "reply 101 \"HTTP/1.1 101 Switching Protocols\" CRLF",
                "data \"Upgrade: foo\" CRLF",
                "data \"\" CRLF",
                "complete OK",
                "data \"HTTP/1.1 200 OK\" CRLF");
    }

    @Test
    void binaryBodyIsSummarisedNeverDumped() {
        byte[] png = new byte[5120];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[100] = '\n';
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        script.writeBytes((HEAD_OK + "Content-Type: image/png\r\nContent-Length: 5120\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        script.writeBytes(png);

        List<DialectEvent> events = HttpSplitFeeder.feedEverySplit(afterGet(), script.toByteArray(), false);

        assertThat(describe(events)).containsExactly(
                "reply 200 \"HTTP/1.1 200 OK\" CRLF",
                "data \"Content-Type: image/png\" CRLF",
                "data \"Content-Length: 5120\" CRLF",
                "data \"\" CRLF",
                "summary image/png 5120: image/png body, 5,120 octets, not shown",
                "complete OK");
    }

    @Test
    void compressedTextBodyIsSummarisedToo() {
        List<DialectEvent> events = feedEverySplit(afterGet(), HEAD_OK
                + "Content-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nabcd", false);

        assertThat(describe(events)).contains("summary text/html 4: text/html body (gzip-encoded), 4 octets, not shown");
    }

    @Test
    void bodyWithoutContentTypeIsShownWhenItIsUtf8Text() {
        List<DialectEvent> events = feedEverySplit(afterGet(), HEAD_OK + "Content-Length: 6\r\n\r\nhé\nyo", false);

        assertThat(describe(events)).endsWith("data \"hé\" LF", "data \"yo\" NONE", "complete OK");
    }

    @Test
    void bodyWithoutContentTypeWithNulIsSummarised() {
        List<DialectEvent> events = feedEverySplit(afterGet(), HEAD_OK + "Content-Length: 3\r\n\r\na\0b", false);

        assertThat(describe(events)).endsWith("summary application/octet-stream 3: Body without Content-Type and not"
                + " UTF-8 text (so application/octet-stream), 3 octets, not shown", "complete OK");
    }

    @Test
    void textBodyPastTheDisplayLimitEndsWithANotice() {
        FramingLimits limits = new FramingLimits(1024, 64, 100_000);
        String body = "0123456789012345678\r\n".repeat(5); // 5 lines of 21 octets: 3 fit in 64
        List<DialectEvent> events = feedEverySplit(after(limits, "GET / HTTP/1.1", "Host: h", ""),
                HEAD_OK + "Content-Type: text/plain\r\nContent-Length: 105\r\n\r\n" + body, false);

        assertThat(describe(events)).endsWith(
                "data \"0123456789012345678\" CRLF",
                "data \"0123456789012345678\" CRLF",
                "data \"0123456789012345678\" CRLF",
                "data \"0\" NONE",
                "notice 41 more octets of this body were not shown.",
                "complete OK");
    }

    @Test
    void bareLfInsideATextBodyIsKept() {
        List<DialectEvent> events = feedEverySplit(afterGet(),
                HEAD_OK + "Content-Type: text/plain\r\nContent-Length: 6\r\n\r\na\nb\r\nc", false);

        assertThat(describe(events)).contains("data \"a\" LF", "data \"b\" CRLF", "data \"c\" NONE");
    }

    @Test
    void closeInTheMiddleOfABodyCompletesWithError() {
        List<DialectEvent> events = feedEverySplit(afterGet(),
                HEAD_OK + "Content-Type: text/plain\r\nContent-Length: 10\r\n\r\nabc", true);

        assertThat(describe(events)).endsWith("data \"abc\" NONE",
                "notice The server closed the connection before the response was complete. 7 octets of the body"
                        + " were still due.",
                "complete ERROR");
    }

    @Test
    void unknownStatusCodeGetsTheMeaningOfItsClass() {
        List<DialectEvent> events = feedEverySplit(afterGet(), "HTTP/1.1 299 Whatever\r\nContent-Length: 0\r\n\r\n",
                false);

        Annotation status = ((DialectEvent.ServerLine) events.get(0)).annotation();
        assertThat(status.meaning()).startsWith("Successful (2xx)");
        assertThat(status.reference()).isEqualTo("RFC 9110 §15.3");
        assertThat(describe(events)).endsWith("complete OK");
    }
}

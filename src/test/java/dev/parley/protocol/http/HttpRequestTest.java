package dev.parley.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.Terminator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests typed line by line (RFC 9112 §2.1, §3) and bodies sent with payload. */
class HttpRequestTest {

    private final HttpDialect dialect = new HttpDialect(FramingLimits.DEFAULT);

    @Test
    void requestTypedLineByLineExpectsAnswerOnlyOnTheEmptyLine() {
        ClientWrite.Send requestLine = send(dialect.write("GET /index.html HTTP/1.1", false));
        ClientWrite.Send host = send(dialect.write("Host: example.com", false));
        ClientWrite.Send accept = send(dialect.write("Accept: text/html", false));
        ClientWrite.Send end = send(dialect.write("", false));

        assertThat(requestLine.expectsAnswer()).isFalse();
        assertThat(host.expectsAnswer()).isFalse();
        assertThat(accept.expectsAnswer()).isFalse();
        assertThat(end.expectsAnswer()).isTrue();
        assertThat(new String(requestLine.bytes(), StandardCharsets.UTF_8)).isEqualTo("GET /index.html HTTP/1.1\r\n");
        assertThat(new String(end.bytes(), StandardCharsets.UTF_8)).isEqualTo("\r\n");
        Annotation get = requestLine.lines().get(0).annotation();
        assertThat(get.kind()).isEqualTo(Annotation.COMMAND);
        assertThat(get.verb()).isEqualTo("GET");
        assertThat(get.meaning()).contains("/index.html").contains("HTTP/1.1");
        assertThat(get.reference()).isEqualTo("RFC 9110 §9.3.1");
        assertThat(host.lines().get(0).annotation().meaning()).contains("Which host");
        assertThat(end.lines().get(0).annotation().meaning()).contains("request is complete");
    }

    @Test
    void missingHostIsPointedOutOnTheEmptyLine() {
        dialect.write("GET / HTTP/1.1", false);

        assertThat(send(dialect.write("", false)).lines().get(0).annotation().meaning()).contains("No Host");
    }

    @Test
    void lineAfterACompleteRequestStartsTheNextOne() {
        dialect.write("GET /a HTTP/1.1", false);
        dialect.write("Host: h", false);
        dialect.write("", false);

        ClientWrite.Send second = send(dialect.write("HEAD /b HTTP/1.1", false));

        assertThat(second.expectsAnswer()).isFalse();
        assertThat(second.lines().get(0).annotation().verb()).isEqualTo("HEAD");
    }

    @Test
    void postBodyMatchingContentLengthCompletesTheRequest() {
        dialect.write("POST /form HTTP/1.1", false);
        dialect.write("Host: h", false);
        dialect.write("Content-Type: application/x-www-form-urlencoded", false);
        dialect.write("Content-Length: 13", false);
        ClientWrite.Send end = send(dialect.write("", false));

        ClientWrite.Send body = send(dialect.payload("name=bob\nhé!"));

        assertThat(end.expectsAnswer()).isFalse();
        assertThat(end.lines().get(0).annotation().meaning()).contains("13-octet body");
        assertThat(body.expectsAnswer()).isTrue();
        assertThat(body.bytes()).isEqualTo("name=bob\nhé!".getBytes(StandardCharsets.UTF_8));
        assertThat(body.lines()).extracting(ClientWrite.ClientLine::text).containsExactly("name=bob", "hé!");
        assertThat(body.lines()).extracting(ClientWrite.ClientLine::terminator)
                .containsExactly(Terminator.LF, Terminator.NONE);
        assertThat(body.lines().get(0).annotation().kind()).isEqualTo(Annotation.PAYLOAD);
    }

    @Test
    void payloadOfTheWrongLengthIsRejectedAndTheBodyStillExpected() {
        dialect.write("POST / HTTP/1.1", false);
        dialect.write("Content-Length: 5", false);
        dialect.write("", false);

        ClientWrite tooLong = dialect.payload("hello!");

        assertThat(tooLong).isInstanceOf(ClientWrite.Reject.class);
        assertThat(((ClientWrite.Reject) tooLong).reason()).contains("6 octets").contains("Content-Length: 5");
        assertThat(send(dialect.payload("hello")).expectsAnswer()).isTrue();
    }

    @Test
    void typedLineWhileTheBodyIsDueIsRejected() {
        dialect.write("POST / HTTP/1.1", false);
        dialect.write("Content-Length: 5", false);
        dialect.write("", false);

        assertThat(dialect.write("hello", false)).isInstanceOf(ClientWrite.Reject.class);
    }

    @Test
    void payloadWithoutADeclaredBodyIsRejected() {
        dialect.write("GET / HTTP/1.1", false);
        dialect.write("Host: h", false);
        dialect.write("", false);

        ClientWrite write = dialect.payload("x");

        assertThat(write).isInstanceOf(ClientWrite.Reject.class);
        assertThat(((ClientWrite.Reject) write).reason()).contains("Content-Length");
    }

    @Test
    void chunkedRequestBodyIsTypedAndCompletesAfterTheLastChunk() {
        dialect.write("POST / HTTP/1.1", false);
        dialect.write("Host: h", false);
        dialect.write("Transfer-Encoding: chunked", false);
        assertThat(send(dialect.write("", false)).expectsAnswer()).isFalse();
        assertThat(dialect.payload("x")).isInstanceOf(ClientWrite.Reject.class);

        assertThat(send(dialect.write("5", false)).lines().get(0).annotation().meaning()).contains("5 octets");
        assertThat(send(dialect.write("hello", false)).expectsAnswer()).isFalse();
        assertThat(send(dialect.write("0", false)).lines().get(0).annotation().meaning()).startsWith("Last chunk");
        assertThat(send(dialect.write("", false)).expectsAnswer()).isTrue();
    }

    @Test
    void malformedRequestLineIsSentAsTypedWithAnExplanation() {
        ClientWrite.Send write = send(dialect.write("GET /", false));

        assertThat(new String(write.bytes(), StandardCharsets.UTF_8)).isEqualTo("GET /\r\n");
        assertThat(write.lines().get(0).annotation().meaning()).contains("expect 400");
    }

    @Test
    void methodsAreCaseSensitive() {
        ClientWrite.Send write = send(dialect.write("get / HTTP/1.1", false));

        assertThat(write.lines().get(0).annotation().verb()).isEqualTo("get");
        assertThat(write.lines().get(0).annotation().meaning()).contains("case-sensitive");
    }

    @Test
    void unknownMethodPassesThrough() {
        ClientWrite.Send write = send(dialect.write("BREW /pot HTTP/1.1", false));

        assertThat(write.lines().get(0).annotation().meaning()).contains("Not a method HTTP defines");
    }

    @Test
    void lineWithALineBreakInsideIsRejected() {
        assertThat(dialect.write("GET / HTTP/1.1\r\nHost: evil", false)).isInstanceOf(ClientWrite.Reject.class);
    }

    @Test
    void headRequestMakesTheNextResponseBodiless() {
        dialect.write("HEAD / HTTP/1.1", false);
        dialect.write("Host: h", false);
        dialect.write("", false);
        byte[] response = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(HttpEvents.describe(dialect.read(response, 0, response.length))).endsWith("complete OK");
    }

    private static ClientWrite.Send send(ClientWrite write) {
        assertThat(write).isInstanceOf(ClientWrite.Send.class);
        return (ClientWrite.Send) write;
    }
}

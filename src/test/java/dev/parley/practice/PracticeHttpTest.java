package dev.parley.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.WsClient;
import org.junit.jupiter.api.Test;

/** HTTP typed by hand against the practice web site: Content-Length, chunked, keep-alive, binary bodies. */
class PracticeHttpTest extends PracticeSessionTest {

    private void request(String path) throws Exception {
        ws.send("GET " + path + " HTTP/1.1");
        ws.send("Host: localhost");
        ws.send("");
    }

    @Test
    void getReturnsThePageAndTheConnectionStaysOpenForASecondRequest() throws Exception {
        ws.connect("http", "localhost", port("http", "none"), "none");
        request("/");
        WsClient.Answer page = ws.answer();
        assertThat(page.lines()).contains("HTTP/1.1 200 OK");
        assertThat(page.lines()).anyMatch(l -> l.contains("Hello from the Parley practice site"));
        assertThat(page.status()).isEqualTo("ok");

        request("/hello.txt");
        WsClient.Answer hello = ws.answer();
        assertThat(hello.lines()).contains("HTTP/1.1 200 OK", "Hello, learner!");
    }

    @Test
    void chunkedBodyIsReadToItsLastChunk() throws Exception {
        ws.connect("http", "localhost", port("http", "none"), "none");
        request("/chunked");
        WsClient.Answer chunked = ws.answer();
        assertThat(chunked.lines()).anyMatch(l -> l.equalsIgnoreCase("Transfer-encoding: chunked"));
        assertThat(String.join("\n", chunked.lines())).contains("and a chunk of size 0 ends the body.");
        assertThat(chunked.lines()).contains("0");
        assertThat(chunked.status()).isEqualTo("ok");
    }

    @Test
    void binaryBodyIsSummarisedNotDumped() throws Exception {
        ws.connect("http", "localhost", port("http", "none"), "none");
        request("/parley.png");
        WsClient.Answer png = ws.answer();
        assertThat(png.events()).anyMatch(e -> e.path("event").asString().equals("body")
                && e.path("contentType").asString().startsWith("image/png"));
        assertThat(png.lines()).noneMatch(l -> l.contains("PNG"));
    }

    @Test
    void missingPageIsAnError() throws Exception {
        ws.connect("http", "localhost", port("http", "none"), "none");
        request("/nowhere");
        WsClient.Answer missing = ws.answer();
        assertThat(missing.lines()).contains("HTTP/1.1 404 Not Found");
        assertThat(missing.status()).isEqualTo("error");
    }

    @Test
    void rawModeTalksToAnyLineServerAndCompletesOnSilence() throws Exception {
        ws.connect("raw", "localhost", port("smtp", "none"), "none");
        WsClient.Answer greeting = ws.answer();
        assertThat(greeting.firstLine()).startsWith("220 ");
        assertThat(ws.exchange("NOOP").firstLine()).startsWith("250");
    }
}

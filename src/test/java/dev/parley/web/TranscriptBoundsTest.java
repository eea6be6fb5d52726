package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.ParleyTest;
import dev.parley.support.ScriptedServer;
import dev.parley.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Transcripts and every rendering of them are bounded, and what they print is safe to print
 * (issue #8, items 5 and 6). Before: a server flooding {@code 250-} lines was stored as a
 * 396,149-line transcript, a 9.5 MB import became a 213 MB SVG, the {@code .txt} export kept a
 * server's ESC, BEL and OSC bytes for the terminal of whoever {@code curl}ed it, and an imported
 * {@code PASS redqueen} was stored in clear.
 */
@ParleyTest
class TranscriptBoundsTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aFloodingServerIsRecordedUpToTheTranscriptLimitWithANoticeSayingSo() throws Exception {
        byte[] reply = "250 flood\r\n".getBytes(StandardCharsets.US_ASCII);
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            for (int i = 0; i < 25_000; i++) {
                out.write(reply);
            }
            out.flush();
            ScriptedServer.readLine(in);
        }); WsClient ws = WsClient.open(port, api.identityCookie())) {
            String conversation = ws.connect("smtp", "127.0.0.1", server.port(), "none").path("session").asString();
            String id = api.get("/api/transcripts/by-conversation/" + conversation).json().path("id").asString();
            JsonNode notice = ws.next(e -> "recording-stopped".equals(e.path("kind").asString()), "the recording-stopped notice");
            assertThat(notice.path("text").asString()).contains("20,000 lines", "recording stopped");
            await().atMost(30, TimeUnit.SECONDS).until(() -> ws.events().stream()
                    .filter(e -> e.path("event").asString().equals("line")).count() >= 25_000);
            ws.send("QUIT");

            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
                JsonNode stored = api.get("/api/transcripts/" + id).json();
                assertThat(stored.path("lines").size()).isBetween(19_990, 20_001);
                assertThat(stored.path("lines").get(stored.path("lines").size() - 1).path("text").asString())
                        .contains("recording stopped");
            });
        }
    }

    @Test
    void anImportPastTheTranscriptLimitIsRefusedByName() throws Exception {
        String big = "# protocol: smtp\n" + "S: 250 ok\n".repeat(20_001);
        Api.Reply reply = api.post("/api/transcripts", "text/plain", big.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("20,001 lines", "parley.limits.max-transcript-lines");
    }

    @Test
    void theDiagramOfALongTranscriptIsDrawnUpToItsRowLimit() throws Exception {
        String id = importText("# protocol: smtp\n" + "S: 250 ok\n".repeat(10_000));
        Api.Reply svg = api.get("/api/transcripts/" + id + ".svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body()).contains("8,001 more lines are not drawn");
        assertThat(svg.body().length()).isLessThan(1_000_000);
    }

    /** The attack: a server's banner with colour codes, a terminal title and a hyperlink (OSC 8). */
    @Test
    void theTextExportShowsControlCharactersInsteadOfSendingThemToATerminal() throws Exception {
        String banner = "220 \u001b[31mred\u001b[0m \u001b]0;TITLE\u0007 \u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\ "
                + "\u009b2J \u202eevil";
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, banner + "\r\n");
            ScriptedServer.readLine(in);
        }); WsClient ws = WsClient.open(port, api.identityCookie())) {
            String conversation = ws.connect("smtp", "127.0.0.1", server.port(), "none").path("session").asString();
            String id = api.get("/api/transcripts/by-conversation/" + conversation).json().path("id").asString();
            ws.answer();
            ws.send("QUIT");
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(api.get("/api/transcripts/" + id + ".txt").body()).contains("S: 220"));
            String text = api.get("/api/transcripts/" + id + ".txt").body();
            assertThat(text).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
            assertThat(text).contains("S: 220 \\x1B[31mred\\x1B[0m \\x1B]0;TITLE\\x07", "\\x9B2J", "\\u202Eevil");
            assertThat(api.get("/api/transcripts/" + id).json().path("lines").get(0).path("text").asString())
                    .as("the JSON keeps the exact text").isEqualTo(banner);
        }
    }

    @Test
    void anImportedPasswordIsMaskedAsALiveOneWouldBe() throws Exception {
        String id = importText("""
                # protocol: pop3
                S: +OK ready
                C: USER bob
                S: +OK
                C: PASS redqueen
                S: +OK maildrop ready
                """);
        assertThat(api.get("/api/transcripts/" + id + ".txt").body()).contains("C: PASS ********")
                .doesNotContain("redqueen");
        assertThat(api.get("/api/transcripts/" + id).body()).doesNotContain("redqueen");
        assertThat(api.get("/api/transcripts/" + id + ".svg").body()).doesNotContain("redqueen");
    }

    private String importText(String text) throws Exception {
        Api.Reply reply = api.post("/api/transcripts", "text/plain", text.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }
}

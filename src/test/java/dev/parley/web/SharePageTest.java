package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The share link: from a live conversation to its transcript's id, and the read-only page /t/{id}. */
@ParleyTest
class SharePageTest {

    @LocalServerPort
    int port;

    @Autowired
    PracticeServers practice;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void liveConversationNamesItsTranscriptAndItsSharePage() throws Exception {
        try (WsClient ws = WsClient.open(port, api.identityCookie())) {
            String conversation = ws.connect("pop3", "localhost", practice.endpoint("pop3", "none").port(), "none")
                    .path("session").asString();
            ws.answer();
            ws.exchange("USER bob");
            ws.exchange("PASS redqueen");

            Api.Reply reply = api.get("/api/transcripts/by-conversation/" + conversation);

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            String id = reply.json().path("id").asString();
            assertThat(reply.json().path("url").asString()).isEqualTo("/t/" + id);
            JsonNode stored = waitForLines(id, 5);
            assertThat(stored.toString()).contains("PASS ********").doesNotContain("redqueen");

            Api.Reply page = api.get("/t/" + id);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("data-transcript=\"" + id + "\"", "/share.js",
                    "/api/transcripts/" + id + ".txt", "POP3").doesNotContain("redqueen");
        }
    }

    @Test
    void meaningsOfAStoredConversationAreThoseOfTheLiveConsole() throws Exception {
        try (WsClient ws = WsClient.open(port)) {
            String conversation = ws.connect("smtp", "localhost", practice.endpoint("smtp", "none").port(), "none")
                    .path("session").asString();
            ws.answer();
            ws.exchange("EHLO parley.local");
            ws.exchange("MAIL FROM:<bob@localhost>");
            ws.exchange("RCPT TO:<green@localhost>");
            String id = api.get("/api/transcripts/by-conversation/" + conversation).json().path("id").asString();
            JsonNode stored = waitForLines(id, 8);
            int refusal = 0;
            int rcpt = 0;
            for (JsonNode line : stored.path("lines")) {
                if (line.path("text").asString().startsWith("550")) {
                    refusal = line.path("seq").asInt();
                }
                if (line.path("text").asString().startsWith("RCPT")) {
                    rcpt = line.path("seq").asInt();
                }
            }

            Api.Reply reply = api.get("/t/" + id + "/meanings");

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode annotation = reply.json().path("annotations").path(String.valueOf(refusal));
            assertThat(annotation.path("kind").asString()).isEqualTo("reply");
            assertThat(annotation.path("code").asString()).isEqualTo("550");
            assertThat(annotation.path("final").asBoolean()).isTrue();
            int answered = rcpt;
            int after = refusal;
            assertThat(reply.json().path("completions").valueStream()).anySatisfy(c -> {
                assertThat(c.path("after").asInt()).isEqualTo(after);
                assertThat(c.path("seq").asInt()).isEqualTo(answered);
                assertThat(c.path("status").asString()).isEqualTo("error");
            });
        }
        assertThat(api.get("/t/nosuchid/meanings").status()).isEqualTo(404);
    }

    @Test
    void unknownConversationIsAProblem() throws Exception {
        Api.Reply reply = api.get("/api/transcripts/by-conversation/no-such-conversation");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asString()).contains("no-such-conversation");
    }

    @Test
    void unknownShareLinkIsANotFoundPageInWords() throws Exception {
        Api.Reply page = api.get("/t/AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("No transcript has this link");
    }

    @Test
    void sharePageEscapesTheIdItEchoes() throws Exception {
        Api.Reply page = api.get("/t/%3Cb%3Ex%3C%2Fb%3E");

        assertThat(page.status()).isIn(400, 404);
        assertThat(page.body()).doesNotContain("<b>x</b>");
    }

    @Test
    void importedTranscriptHasASharePage() throws Exception {
        Api.Reply imported = api.post("/api/transcripts", "text/plain",
                "# protocol: smtp\n# target: localhost:3025\nS: 220 hi\nC: QUIT\nS: 221 bye\n"
                        .getBytes(StandardCharsets.UTF_8));
        String id = imported.json().path("id").asString();

        Api.Reply page = api.get("/t/" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("SMTP", "localhost:3025");
    }

    private JsonNode waitForLines(String id, int atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            Api.Reply reply = api.get("/api/transcripts/" + id);
            if (reply.status() == 200 && reply.json().path("lines").size() >= atLeast) {
                return reply.json();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("transcript " + id + " did not reach " + atLeast + " lines: " + reply.body());
            }
            Thread.sleep(100);
        }
    }
}

package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.RealServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/replay} over real HTTP, against the practice servers and Dovecot. */
@ParleyTest
class ReplayApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    PracticeServers practice;

    @BeforeEach
    void seeded() {
        practice.reseed();
    }

    record Reply(int status, JsonNode json) {
    }

    Reply replay(String protocol, String host, int port, String transcript, String match) throws IOException,
            InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", Map.of("protocol", protocol, "host", host, "port", port, "tls", "none"));
        body.put("transcript", transcript);
        if (match != null) {
            body.put("match", match);
        }
        return post(JSON.writeValueAsString(body));
    }

    Reply post(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/replay")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private PracticeEndpoint practice(String protocol) {
        return practice.endpoint(protocol, "none");
    }

    @Test
    void lessonPop3ReplaysGreenAgainstThePracticeServer() throws Exception {
        PracticeEndpoint pop3 = practice("pop3");
        Reply reply = replay("pop3", pop3.host(), pop3.port(), LessonTranscripts.POP3, null);

        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
        assertThat(reply.json().path("passed").asBoolean()).as(reply.json().toPrettyString()).isTrue();
        assertThat(reply.json().path("steps")).hasSize(9);
        String id = reply.json().path("transcriptId").asString();
        assertThat(id).hasSize(22);
        String text = reply.json().path("transcript").asString();
        assertThat(text).contains("# origin: replay", "C: PASS ********", "C: RETR 1").doesNotContain("redqueen");
    }

    @Test
    void lessonImapReplaysGreenAgainstThePracticeServer() throws Exception {
        PracticeEndpoint imap = practice("imap");
        Reply reply = replay("imap", imap.host(), imap.port(), LessonTranscripts.imap("frobozz", "xyzzy"), "codes");

        assertThat(reply.json().path("passed").asBoolean()).as(reply.json().toPrettyString()).isTrue();
        assertThat(reply.json().path("transcript").asString()).contains("A0001 LOGIN frobozz ********")
                .doesNotContain("LOGIN frobozz xyzzy");
    }

    @Test
    void oneAlteredReplyFailsAtExactlyThatStep() throws Exception {
        PracticeEndpoint pop3 = practice("pop3");
        String altered = LessonTranscripts.POP3.replace("S: +OK 2 320", "S: -ERR 2 320");

        Reply reply = replay("pop3", pop3.host(), pop3.port(), altered, "codes");

        JsonNode steps = reply.json().path("steps");
        assertThat(reply.json().path("passed").asBoolean()).isFalse();
        assertThat(steps.get(3).path("sent").asString()).isEqualTo("STAT");
        assertThat(steps.get(3).path("passed").asBoolean()).isFalse();
        assertThat(steps.get(3).path("reason").asString()).isEqualTo("Expected -ERR but the server answered +OK.");
        for (int i = 0; i < 3; i++) {
            assertThat(steps.get(i).path("passed").asBoolean()).as("step " + i).isTrue();
        }
        assertThat(steps.get(4).path("reason").asString()).startsWith("Not run");
    }

    @Test
    void goingOnAfterAMismatchRunsTheRest() throws Exception {
        PracticeEndpoint pop3 = practice("pop3");
        String altered = LessonTranscripts.POP3.replace("S: +OK 2 320", "S: -ERR 2 320");
        Map<String, Object> body = Map.of("target", Map.of("protocol", "pop3", "host", pop3.host(), "port",
                pop3.port()), "transcript", altered, "stopAtFirstMismatch", false);

        JsonNode steps = post(JSON.writeValueAsString(body)).json().path("steps");

        assertThat(steps.valueStream().filter(s -> !s.path("passed").asBoolean()).count()).isEqualTo(1);
    }

    @Test
    void exactMatchComparesWholeLinesPlaceholdersAside() throws Exception {
        PracticeEndpoint pop3 = practice("pop3");
        String exact = """
                # protocol: pop3
                S: +OK POP3 GreenMail Server <version> ready
                C: USER bob
                S: +OK
                C: QUIT
                S: +OK bye see you soon
                """;
        JsonNode passed = replay("pop3", pop3.host(), pop3.port(), exact, "exact").json();
        assertThat(passed.path("passed").asBoolean()).as(passed.toPrettyString()).isTrue();

        JsonNode failed = replay("pop3", pop3.host(), pop3.port(), exact.replace("see you soon", "farewell"), "exact").json();
        assertThat(failed.path("passed").asBoolean()).isFalse();
        assertThat(failed.path("steps").get(2).path("actual").get(0).asString()).isEqualTo("+OK bye see you soon");
    }

    @Test
    void lessonPop3ReplaysGreenAgainstDovecot() throws Exception {
        RealServers.Endpoint dovecot = RealServers.require("PARLEY_REAL_POP3", "Dovecot POP3");
        Reply reply = replay("pop3", dovecot.host(), dovecot.port(), LessonTranscripts.POP3, "codes");

        assertThat(reply.json().path("passed").asBoolean()).as(reply.json().toPrettyString()).isTrue();
    }

    /** Dovecot's frobozz has an empty INBOX, so the FETCH steps run as bob, whose INBOX has the lesson's mail. */
    @Test
    void lessonImapReplaysGreenAgainstDovecot() throws Exception {
        RealServers.Endpoint dovecot = RealServers.require("PARLEY_REAL_IMAP", "Dovecot IMAP");
        Reply reply = replay("imap", dovecot.host(), dovecot.port(), LessonTranscripts.imap("bob", "redqueen"), "codes");

        assertThat(reply.json().path("passed").asBoolean()).as(reply.json().toPrettyString()).isTrue();
    }

    @Test
    void unknownProtocolNamesTheField() throws Exception {
        Reply reply = replay("gopher", "localhost", 70, "C: x\n", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asString()).isEqualTo("target.protocol");
    }

    @Test
    void malformedTranscriptNamesTheLine() throws Exception {
        PracticeEndpoint pop3 = practice("pop3");
        Reply reply = replay("pop3", pop3.host(), pop3.port(), "S: +OK\nC: USER bob\nhello\n", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("line").asInt()).isEqualTo(3);
    }

    @Test
    void aTargetThatRefusesIsAProblemNamingTheTarget() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Reply reply = replay("pop3", "127.0.0.1", closed, LessonTranscripts.POP3, null);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("field").asString()).isEqualTo("target");
        assertThat(reply.json().path("code").asString()).isEqualTo("CONNECT_FAILED");
    }

    @Test
    void malformedJsonAndBadOptionsNameTheirField() throws Exception {
        assertThat(post("{\"transcript\": 5, \"target\": []}").json().path("field").asString()).isEqualTo("target");
        assertThat(post("{not json").json().path("field").asString()).isEqualTo("body");
        assertThat(post("{\"transcript\": \"S: x\", \"match\": \"fuzzy\"}").json().path("field").asString())
                .isEqualTo("match");
        assertThat(post("{}").json().path("field").asString()).isEqualTo("transcript");
    }
}

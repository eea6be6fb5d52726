package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.ScriptedServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** Suites through {@code POST /api/replay}: several transcripts, one verdict, JSON or JUnit XML. */
@ParleyTest
class ReplaySuiteTest {

    @LocalServerPort
    int port;
    @Autowired
    PracticeServers practice;

    ReplayClient client;

    @BeforeEach
    void setUp() {
        practice.reseed();
        client = new ReplayClient(port);
    }

    private Map<String, Object> entry(String name, String protocol, String transcript) {
        PracticeEndpoint endpoint = practice.endpoint(protocol, "none");
        return Map.of("name", name, "transcript", transcript, "target",
                ReplayClient.target(protocol, endpoint.host(), endpoint.port()));
    }

    private List<Map<String, Object>> lesson(String smtp) {
        return List.of(entry("smtp", "smtp", smtp), entry("pop3", "pop3", LessonTranscripts.POP3),
                entry("imap", "imap", LessonTranscripts.imap("frobozz", "xyzzy")),
                entry("http", "http", LessonTranscripts.HTTP));
    }


    @Test
    void theLessonsFourProtocolsPassAsOneSuite() throws Exception {
        ReplayClient.Reply reply = client.replay(Map.of("transcripts", lesson(LessonTranscripts.SMTP)));

        JsonNode json = reply.json();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(json.path("passed").asBoolean()).as(json.toPrettyString()).isTrue();
        assertThat(json.path("total").asInt()).isEqualTo(4);
        assertThat(json.path("results").valueStream().map(r -> r.path("name").asString()))
                .containsExactly("smtp", "pop3", "imap", "http");
        assertThat(json.path("results").valueStream().allMatch(r -> r.path("passed").asBoolean())).isTrue();
        assertThat(json.path("results").get(3).path("target").asString()).startsWith("http://");
        assertThat(json.path("results").get(3).path("transcript").asString()).contains("S: HTTP/1.1 200");
    }

    @Test
    void oneAlteredReplyFailsTheSuiteWithAJUnitReportNamingThatStep() throws Exception {
        String altered = LessonTranscripts.SMTP.replace("S: 550 No such user here", "S: 250 OK");
        ReplayClient.Reply reply = client.replay(Map.of("transcripts", lesson(altered)), "", "application/xml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/xml");
        Document doc = XmlDocuments.parse(reply.body());
        Element suites = doc.getDocumentElement();
        assertThat(suites.getAttribute("tests")).isEqualTo("4");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        assertThat(suites.getAttribute("errors")).isEqualTo("0");
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            if (testcase.getElementsByTagName("failure").getLength() > 0) {
                failing.add(testcase.getAttribute("name"));
            }
        }
        assertThat(failing).containsExactly("smtp");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("Step 4 (line 14) “RCPT TO:<green@localhost>” failed:"
                + " Expected 250 but the server answered 550. Expected: 250 OK Actual: 550");
        assertThat(failure.getTextContent()).contains("C: RCPT TO:<green@localhost>", "expected:\nS: 250 OK",
                "actual:\nS: 550");

        ReplayClient.Reply same = client.replay(Map.of("transcripts", lesson(altered)), "?format=junit", null);
        assertThat(XmlDocuments.parse(same.body()).getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    @Test
    void theLadderOfAFailingReplayMarksItsStep() throws Exception {
        String altered = LessonTranscripts.SMTP.replace("S: 550 No such user here", "S: 250 OK");
        ReplayClient.Reply svg = client.replay(Map.of("transcripts", List.of(entry("smtp", "smtp", altered))), "",
                "image/svg+xml");

        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        Document doc = XmlDocuments.parse(svg.body());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.body()).contains("<rect class=\"mismatch\"",
                "✗ step 4 failed: Expected 250 but the server answered 550.");

        ReplayClient.Reply many = client.replay(Map.of("transcripts", lesson(LessonTranscripts.SMTP)), "?format=svg",
                null);
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().path("field").asString()).isEqualTo("format");
    }

    @Test
    void aWrongEntryIsNamedByItsPlaceInTheSuiteAndNothingRuns() throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>(lesson(LessonTranscripts.SMTP));
        entries.set(2, entry("imap", "imap", "S: * OK\nC: A1 NOOP\nnot a transcript line\n"));

        ReplayClient.Reply reply = client.replay(Map.of("transcripts", entries));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asString()).isEqualTo("transcripts[2].transcript");
        assertThat(reply.json().path("line").asInt()).isEqualTo(3);
    }

    /**
     * Two servers that each greet only once both have a client: the suite passes only when its
     * transcripts really run at the same time, and with one at a time the first one waits in vain.
     */
    @Test
    void transcriptsRunAtOnceUpToTheParallelLimit() throws Exception {
        assertThat(twoThatNeedEachOther(2).path("passed").asBoolean()).isTrue();

        JsonNode oneAtATime = twoThatNeedEachOther(1);
        assertThat(oneAtATime.path("passed").asBoolean()).isFalse();
        assertThat(oneAtATime.path("failed").asInt()).isEqualTo(1);
        // whichever ran first waited for a greeting that needs the other one connected
        assertThat(oneAtATime.path("results").valueStream().filter(r -> !r.path("passed").asBoolean())
                .map(r -> r.path("steps").get(0).path("reason").asString()))
                .containsExactly("No complete answer within 2 s.");
    }

    private JsonNode twoThatNeedEachOther(int parallel) throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        ScriptedServer.Script script = (socket, in, out) -> {
            both.countDown();
            both.await(5, TimeUnit.SECONDS);
            ScriptedServer.write(out, "+OK ready\r\n");
            ScriptedServer.readLine(in);
            ScriptedServer.write(out, "+OK bye\r\n");
        };
        try (ScriptedServer a = new ScriptedServer(script); ScriptedServer b = new ScriptedServer(script)) {
            String transcript = "S: +OK ready\nC: QUIT\nS: +OK bye\n";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("target", Map.of("protocol", "pop3", "host", "127.0.0.1"));
            body.put("transcripts", List.of(
                    Map.of("name", "a", "transcript", transcript, "target", Map.of("port", a.port())),
                    Map.of("name", "b", "transcript", transcript, "target", Map.of("port", b.port()))));
            body.put("parallel", parallel);
            body.put("timeLimitSeconds", 3);
            body.put("answerTimeoutSeconds", 2);
            return client.replay(body).json();
        }
    }
}

package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Captures against the practice IMAP server: a UID found by SEARCH, used by a later FETCH. */
@ParleyTest
class ReplayCaptureTest {

    @LocalServerPort
    int port;
    @Autowired
    PracticeServers practice;

    ReplayClient client;
    PracticeEndpoint imap;

    @BeforeEach
    void setUp() {
        practice.reseed();
        client = new ReplayClient(port);
        imap = practice.endpoint("imap", "none");
    }

    private JsonNode replay(String transcript) throws Exception {
        return client.replay(Map.of("target", ReplayClient.target("imap", imap.host(), imap.port()), "transcript",
                transcript, "match", "exact")).json();
    }

    @Test
    void theUidThatSearchFoundIsFetchedByALaterStep() throws Exception {
        JsonNode json = replay(LessonTranscripts.IMAP_CAPTURE);

        assertThat(json.path("passed").asBoolean()).as(json.toPrettyString()).isTrue();
        String uid = json.path("steps").get(3).path("captured").path("uid").asString();
        String seq = json.path("steps").get(4).path("captured").path("seq").asString();
        assertThat(uid).matches("\\d+");
        assertThat(seq).matches("\\d+");
        assertThat(json.path("steps").get(4).path("sent").asString()).isEqualTo("A4 UID FETCH " + uid
                + " (UID RFC822.SIZE)");
        assertThat(json.path("steps").get(5).path("expected").get(0).asString())
                .isEqualTo("* " + seq + " FETCH (UID " + uid + ")");
    }

    @Test
    void aCaptureThatFindsNothingFailsItsStepAndTheStepThatNeedsItDoesNotRun() throws Exception {
        JsonNode json = replay(LessonTranscripts.IMAP_CAPTURE.replace("FROM \"cris\"", "FROM \"nobody-at-all\""));

        assertThat(json.path("passed").asBoolean()).isFalse();
        JsonNode search = json.path("steps").get(3);
        assertThat(search.path("passed").asBoolean()).isFalse();
        assertThat(json.path("steps").get(4).path("reason").asString()).startsWith("Not run");

        JsonNode goingOn = client.replay(Map.of("target", ReplayClient.target("imap", imap.host(), imap.port()),
                "transcript", LessonTranscripts.IMAP_CAPTURE.replace("FROM \"cris\"", "FROM \"nobody-at-all\""),
                "stopAtFirstMismatch", false)).json();
        assertThat(goingOn.path("steps").get(3).path("reason").asString())
                .isEqualTo("No line of the answer has the form of the line that captures ${uid}, which a later step uses.");
        assertThat(goingOn.path("steps").get(4).path("reason").asString())
                .isEqualTo("Not run: no value for ${uid}: the step that should capture it did not.");
    }
}

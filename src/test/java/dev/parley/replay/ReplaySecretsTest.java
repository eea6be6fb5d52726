package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Secret variables: a password given at run time, never in the transcript, and never in clear in
 * anything Parley answers, stores or logs; a stored transcript (whose password is masked) replays
 * when the password is given as a secret, and asks for it by name when it is not.
 */
@ParleyTest
@ExtendWith(OutputCaptureExtension.class)
class ReplaySecretsTest {

    private static final String PASSWORD = "redqueen";

    private static final String LOGIN = """
            # protocol: pop3
            S: +OK <greeting>
            C: USER bob
            S: +OK
            C: PASS ${password}
            S: +OK
            C: STAT
            S: +OK <count and size>
            C: QUIT
            S: +OK
            """;

    @LocalServerPort
    int port;
    @Autowired
    PracticeServers practice;

    ReplayClient client;
    PracticeEndpoint pop3;

    @BeforeEach
    void setUp() {
        practice.reseed();
        client = new ReplayClient(port);
        pop3 = practice.endpoint("pop3", "none");
    }

    private Map<String, Object> body(String transcript, Map<String, String> variables, List<String> secrets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", ReplayClient.target("pop3", pop3.host(), pop3.port()));
        body.put("transcript", transcript);
        body.put("variables", variables);
        body.put("secrets", secrets);
        return body;
    }

    @Test
    void aStoredTranscriptWithAMaskedPasswordReplaysGreenWithThePasswordAsASecret(CapturedOutput output)
            throws Exception {
        ReplayClient.Reply first = client.replay(body(LOGIN, Map.of("password", PASSWORD), List.of("password")));
        assertThat(first.json().path("passed").asBoolean()).as(first.body()).isTrue();
        String id = first.json().path("transcriptId").asString();
        String stored = client.get("/api/transcripts/" + id + ".txt").body();
        assertThat(stored).contains("C: PASS ********");

        ReplayClient.Reply again = client.replay(body(stored, Map.of("password", PASSWORD), List.of("password")));

        JsonNode json = again.json();
        assertThat(json.path("passed").asBoolean()).as(again.body()).isTrue();
        assertThat(json.path("steps").get(2).path("sent").asString()).isEqualTo("PASS ********");
        String replayed = client.get("/api/transcripts/" + json.path("transcriptId").asString() + ".txt").body();
        assertThat(replayed).contains("# origin: replay", "C: USER bob", "C: PASS ********", "C: STAT");
        ReplayClient.Reply junit = client.replay(body(stored, Map.of("password", PASSWORD), List.of("password")),
                "?format=junit", null);
        ReplayClient.Reply svg = client.get("/api/transcripts/" + json.path("transcriptId").asString() + ".svg");
        ReplayClient.Reply storedJson = client.get("/api/transcripts/" + json.path("transcriptId").asString());
        for (String shown : List.of(first.body(), stored, again.body(), replayed, junit.body(), svg.body(),
                storedJson.body(), output.getAll())) {
            assertThat(shown).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aMaskedPasswordWithoutItsVariableIsRefusedNamingTheVariable() throws Exception {
        String stored = LOGIN.replace("${password}", "********");

        ReplayClient.Reply reply = client.replay(body(stored, Map.of(), List.of()));

        assertThat(reply.status()).isEqualTo(400);
        JsonNode problem = reply.json();
        assertThat(problem.path("field").asString()).isEqualTo("variables.password");
        assertThat(problem.path("variable").asString()).isEqualTo("password");
        assertThat(problem.path("line").asInt()).isEqualTo(5);
        assertThat(problem.path("detail").asString()).contains("C: PASS ********", "secret variable “password”");
    }

    @Test
    void aSecretIsMaskedWhereverItIsSentNotOnlyWhereTheProtocolCarriesAPassword(CapturedOutput output)
            throws Exception {
        String transcript = """
                # protocol: pop3
                S: +OK <greeting>
                C: XSECRET ${token}
                S: -ERR <not a command>
                C: QUIT
                S: +OK
                """;
        String token = "tok-3f9a1c";

        ReplayClient.Reply reply = client.replay(body(transcript, Map.of("token", token), List.of("token")));

        assertThat(reply.json().path("passed").asBoolean()).as(reply.body()).isTrue();
        assertThat(reply.json().path("steps").get(1).path("sent").asString()).isEqualTo("XSECRET ********");
        String stored = client.get("/api/transcripts/" + reply.json().path("transcriptId").asString() + ".txt").body();
        assertThat(stored).contains("C: XSECRET ********");
        for (String shown : List.of(reply.body(), stored, output.getAll())) {
            assertThat(shown).doesNotContain(token);
        }
    }

    @Test
    void aVariableThatIsNotSecretIsShownAsSent() throws Exception {
        String transcript = LOGIN.replace("C: USER bob", "C: USER ${user}");

        ReplayClient.Reply reply = client.replay(body(transcript, Map.of("user", "bob", "password", PASSWORD),
                List.of("password")));

        assertThat(reply.json().path("steps").get(1).path("sent").asString()).isEqualTo("USER bob");
        assertThat(reply.json().path("passed").asBoolean()).isTrue();
    }
}

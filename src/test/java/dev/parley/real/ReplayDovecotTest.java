package dev.parley.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.replay.LessonTranscripts;
import dev.parley.replay.ReplayClient;
import dev.parley.replay.ReplayCommand;
import dev.parley.support.ParleyTest;
import dev.parley.support.RealServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Replay's captures, secrets and command line against Dovecot, a server nobody here wrote: the
 * lesson's "fetch the message you just searched for" passes with the UID Dovecot chose, and a
 * stored transcript's masked password is filled from the environment, over implicit TLS verified
 * against the test authority given as an ordinary Parley setting.
 */
@ParleyTest
class ReplayDovecotTest {

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Test
    void aUidCapturedFromSearchIsFetchedByALaterStep() throws Exception {
        RealServers.Endpoint imap = RealServers.require("PARLEY_REAL_IMAP", "Dovecot IMAP");

        JsonNode json = new ReplayClient(port).replay(Map.of("target", ReplayClient.target("imap", imap.host(),
                imap.port()), "transcript", LessonTranscripts.IMAP_CAPTURE, "match", "exact")).json();

        assertThat(json.path("passed").asBoolean()).as(json.toPrettyString()).isTrue();
        String uid = json.path("steps").get(3).path("captured").path("uid").asString();
        assertThat(uid).matches("\\d+");
        assertThat(json.path("steps").get(5).path("actual").get(0).asString()).endsWith("FETCH (UID " + uid + ")");
    }

    @Test
    void theCommandLineFillsAStoredMaskedPasswordFromTheEnvironmentOverVerifiedTls() throws Exception {
        RealServers.Endpoint pop3s = RealServers.require("PARLEY_REAL_POP3S", "Dovecot POP3S");
        String ca = RealServers.caFile().orElseThrow();
        Path stored = Files.writeString(dir.resolve("pop3.txt"), """
                # protocol: pop3
                # origin: live
                S: +OK <greeting>
                C: USER bob
                S: +OK
                C: PASS ********
                S: +OK Logged in.
                C: STAT
                S: +OK <count> <size>
                C: QUIT
                S: +OK <bye>
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ReplayCommand.run(List.of("--target", "pop3://localhost:" + pop3s.port() + "?tls=implicit",
                "--secret", "password", "--parley.targets.trusted-certificates=" + ca, "--junit",
                dir.resolve("junit.xml").toString(), stored.toString()), Map.of("PARLEY_SECRET_PASSWORD", "redqueen"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(ReplayCommand.PASSED);
        assertThat(printed).contains("PASS  " + stored, "pop3://localhost:" + pop3s.port() + "?tls=implicit")
                .doesNotContain("redqueen");
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("tests=\"1\" failures=\"0\"")
                .doesNotContain("redqueen");
    }
}

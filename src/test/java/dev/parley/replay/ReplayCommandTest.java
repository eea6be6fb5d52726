package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The command line, run in-process through its entry point against the practice servers: exit 0
 * when all pass, 1 on a mismatch, 2 on bad input, a readable report, a JUnit file, secrets from
 * the environment. ({@link ReplayCommandProcessTest} runs it as a process of its own.)
 */
@ParleyTest
@ExtendWith(OutputCaptureExtension.class)
class ReplayCommandTest {

    @Autowired
    PracticeServers practice;
    @TempDir
    Path dir;

    @BeforeEach
    void seeded() {
        practice.reseed();
    }

    record Run(int code, String out, String err) {
    }

    private Run replay(Map<String, String> env, Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> strings = new ArrayList<>();
        for (Object arg : args) {
            strings.add(arg.toString());
        }
        int code = ReplayCommand.run(strings, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A transcript file that names its practice server in {@code # target:}. */
    private Path file(Path folder, String name, String protocol, String transcript) throws Exception {
        PracticeEndpoint endpoint = practice.endpoint(protocol, "none");
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), "# target: " + endpoint.host() + ":" + endpoint.port() + "\n"
                + transcript);
    }

    private Path lesson(String smtp) throws Exception {
        Path folder = dir.resolve("lesson");
        file(folder, "1-smtp.txt", "smtp", smtp);
        file(folder, "2-pop3.txt", "pop3", LessonTranscripts.POP3);
        file(folder, "3-imap.txt", "imap", LessonTranscripts.imap("frobozz", "xyzzy"));
        file(folder, "4-http.txt", "http", LessonTranscripts.HTTP);
        return folder;
    }

    @Test
    void aFolderOfTheLessonsFourProtocolsPassesAndExitsZero() throws Exception {
        Run run = replay(Map.of(), lesson(LessonTranscripts.SMTP));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ReplayCommand.PASSED);
        assertThat(run.out()).contains("PASS  " + dir.resolve("lesson/1-smtp.txt"), "PASS  " + dir.resolve(
                "lesson/4-http.txt"), "4 passed, 0 failed, 0 could not run");
    }

    @Test
    void aMismatchExitsOneWithTheStepInTheReportAndTheJUnitFile() throws Exception {
        Path junit = dir.resolve("reports/replay.xml");
        Run run = replay(Map.of(), "--junit", junit, lesson(LessonTranscripts.SMTP.replace("S: 550 No such user here",
                "S: 250 OK")));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ReplayCommand.FAILED);
        assertThat(run.out()).contains("FAIL  " + dir.resolve("lesson/1-smtp.txt"), "step 4 of", "at line 15",
                "C: RCPT TO:<green@localhost>", "S: 250 OK", "S: 550", "Expected 250 but the server answered 550.",
                "3 passed, 1 failed, 0 could not run", "JUnit report: " + junit);
        assertThat(Files.readString(junit)).contains("<testsuites name=\"parley replay\" tests=\"4\" failures=\"1\"",
                "message=\"Step 4 (line 15) “RCPT TO:&lt;green@localhost&gt;” failed: Expected 250 but the server"
                        + " answered 550.");
    }

    @Test
    void aStoredTranscriptsMaskedPasswordComesFromTheEnvironmentAndIsShownNowhere(CapturedOutput output)
            throws Exception {
        Path stored = file(dir, "stored.txt", "pop3", """
                # protocol: pop3
                # origin: replay
                S: +OK POP3 GreenMail Server v2.1.13 ready
                C: USER bob
                S: +OK
                C: PASS ********
                S: +OK
                C: STAT
                S: +OK 2 <size>
                C: XSECRET redqueen
                S: -ERR <unknown>
                C: QUIT
                S: +OK
                """);
        Path junit = dir.resolve("replay.xml");

        Run missing = replay(Map.of(), stored);
        assertThat(missing.code()).isEqualTo(ReplayCommand.BAD_INPUT);
        assertThat(missing.err()).contains(stored + ": line 7: “C: PASS ********”", "--secret password",
                "PARLEY_SECRET_PASSWORD");
        Run noValue = replay(Map.of(), "--secret", "password", stored);
        assertThat(noValue.code()).isEqualTo(ReplayCommand.BAD_INPUT);
        assertThat(noValue.err()).contains("set the environment variable PARLEY_SECRET_PASSWORD");

        Run run = replay(Map.of("PARLEY_SECRET_PASSWORD", "redqueen"), "--secret", "password", "--junit", junit,
                "--svg", dir.resolve("svg"), stored);

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ReplayCommand.PASSED);
        assertThat(run.out() + run.err() + Files.readString(junit) + output.getAll()).doesNotContain("redqueen");
    }

    @Test
    void badInputExitsTwoNamingTheFileAndTheLine() throws Exception {
        Path malformed = Files.writeString(dir.resolve("bad.txt"), "# protocol: pop3\n# target: 127.0.0.1:1\nS: +OK\n"
                + "hello\n");
        Run format = replay(Map.of(), malformed);
        assertThat(format.code()).isEqualTo(ReplayCommand.BAD_INPUT);
        assertThat(format.err()).startsWith("parley replay: " + malformed + ": line 4: a line must start with");

        assertThat(replay(Map.of(), "--colour", malformed).err()).contains("unknown option --colour");
        assertThat(replay(Map.of(), dir.resolve("nothing.txt")).err()).contains("no such file or directory");
        assertThat(replay(Map.of(), "--target", "pop3:/127.0.0.1", malformed).code()).isEqualTo(ReplayCommand.BAD_INPUT);
        Path noTarget = Files.writeString(dir.resolve("no-target.txt"), "S: +OK\nC: QUIT\nS: +OK\n");
        Run target = replay(Map.of(), noTarget);
        assertThat(target.code()).isEqualTo(ReplayCommand.BAD_INPUT);
        assertThat(target.err()).contains(noTarget + ": --target: is required");
        assertThat(replay(Map.of(), "--time-limit", "900", noTarget).err()).contains("--time-limit: must be between 1 and 300");
        assertThat(replay(Map.of(), "--help").out()).contains("Usage: java -jar parley.jar replay");
    }

    @Test
    void aServerThatCannotBeReachedFailsWithExitOneAndSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("down.txt"), "S: +OK\nC: QUIT\nS: +OK\n");
        int closed = ScriptedServer.refusedPort();

        Run run = replay(Map.of(), "--target", "pop3://127.0.0.1:" + closed, file);

        assertThat(run.code()).isEqualTo(ReplayCommand.FAILED);
        assertThat(run.out()).contains("ERROR " + file, "CONNECT_FAILED", "0 passed, 0 failed, 1 could not run");
    }
}

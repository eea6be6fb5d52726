package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.support.ScriptedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} as its own process, through the application's real entry point
 * ({@code dev.parley.ParleyApplication replay …}, what {@code java -jar parley.jar replay …} runs),
 * with the test's class path: its exit codes, and that it opens no listening socket at all (no web
 * server, no practice server) and writes no database file. The sockets are read from
 * {@code /proc} while the process is in the middle of its replay.
 */
class ReplayCommandProcessTest {

    @TempDir
    Path dir;

    record Exit(int code, String out) {
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), "dev.parley.ParleyApplication", "replay"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private Exit finish(Process process) throws Exception {
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Exit(process.exitValue(), Files.readString(dir.resolve("output.log"), StandardCharsets.UTF_8));
    }

    private Path transcript(String text) throws IOException {
        return Files.writeString(dir.resolve("check.txt"), text);
    }

    @Test
    void aPassingReplayExitsZeroWithNoListeningSocketAndNoDatabase() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc to list a process's sockets");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(listening(ProcessHandle.current().pid())).as("the check sees a listening socket").isNotEmpty();
        }
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        AtomicReference<String> password = new AtomicReference<>();
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "+OK ready\r\n");
            ScriptedServer.readLine(in);
            ScriptedServer.write(out, "+OK\r\n");
            password.set(ScriptedServer.readLine(in));
            midway.countDown();
            looked.await(60, TimeUnit.SECONDS);
            ScriptedServer.write(out, "+OK logged in\r\n");
            ScriptedServer.readLine(in);
            ScriptedServer.write(out, "+OK bye\r\n");
        })) {
            Path file = transcript("S: +OK <greeting>\nC: USER bob\nS: +OK\nC: PASS ********\nS: +OK\nC: QUIT\nS: +OK\n");
            Process process = start(Map.of("PARLEY_SECRET_PASSWORD", "redqueen"), "--target",
                    "pop3://127.0.0.1:" + server.port(), "--secret", "password", file.getFileName().toString());

            assertThat(midway.await(60, TimeUnit.SECONDS)).as("the command connected and logged in").isTrue();
            Set<String> sockets = sockets(process.pid());
            List<String> listening = listening(process.pid());
            looked.countDown();
            Exit exit = finish(process);

            assertThat(sockets).as("the check sees the command's connection").isNotEmpty();
            assertThat(listening).as("no web server, no practice server").isEmpty();
            assertThat(exit.code()).as(exit.out()).isEqualTo(ReplayCommand.PASSED);
            assertThat(password.get()).isEqualTo("PASS redqueen");
            assertThat(exit.out()).contains("PASS  check.txt", "1 passed, 0 failed").doesNotContain("redqueen",
                    "Tomcat", "GreenMail");
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("check.txt",
                        "output.log");
            }
        }
    }

    @Test
    void aMismatchExitsOne() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "+OK ready\r\n");
            ScriptedServer.readLine(in);
            ScriptedServer.write(out, "-ERR no such user\r\n");
        })) {
            Path file = transcript("S: +OK <greeting>\nC: USER bob\nS: +OK\n");

            Exit exit = finish(start(Map.of(), "--target", "pop3://127.0.0.1:" + server.port(), file.toString()));

            assertThat(exit.code()).as(exit.out()).isEqualTo(ReplayCommand.FAILED);
            assertThat(exit.out()).contains("FAIL  " + file, "Expected +OK but the server answered -ERR.");
        }
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Path file = transcript("S: +OK\nnot a line of a transcript\n");

        Exit exit = finish(start(Map.of(), "--target", "pop3://127.0.0.1:110", file.toString()));

        assertThat(exit.code()).isEqualTo(ReplayCommand.BAD_INPUT);
        assertThat(exit.out()).contains(file + ": line 2: a line must start with");
    }

    /** The inodes of the process's sockets. */
    private static Set<String> sockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        return inodes;
    }

    /** The process's TCP sockets in the LISTEN state, as {@code /proc/net/tcp} rows. */
    private static List<String> listening(long pid) throws IOException {
        Set<String> inodes = sockets(pid);
        List<String> rows = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String row : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] f = row.strip().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    rows.add(row.strip());
                }
            }
        }
        return rows;
    }
}

package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.DialectEvent;
import dev.parley.support.ParleyTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmarks of {@code scripts/bench.sh}, run for a few seconds each against the real app (on
 * its random port), the real line server and — where Debian's websockify is installed — a real
 * websockify, so CI notices when a mode stops running or stops reporting. It asserts that figures
 * are there and that no line was lost or reordered; it never asserts a timing (the machine is shared).
 */
@ParleyTest
class BenchSmokeTest {

    private static LineServer lineServer;
    private static Process websockify;
    private static int websockifyPort;

    @LocalServerPort
    int parleyPort;

    @TempDir
    Path run;

    @BeforeAll
    static void startServers() throws Exception {
        lineServer = LineServer.start(0);
        websockifyPort = startWebsockify(lineServer.port());
    }

    @AfterAll
    static void stopServers() throws IOException {
        if (websockify != null) {
            websockify.destroy();
        }
        lineServer.close();
    }

    @Test
    void everyModeRunsAndTheReportShowsItsFigures() throws Exception {
        Target.Endpoints endpoints = new Target.Endpoints(lineServer.port(), websockifyPort, parleyPort,
                ProcessHandle.current().pid());
        List<String> targets = new ArrayList<>(List.of("tcp", "parley"));
        if (websockifyPort > 0) {
            targets.add("websockify");
        }
        try (HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            Map<String, Object> latency = LatencyRun.run(endpoints, client, 20, 50);
            assertThat(map(latency, "targets")).containsOnlyKeys(targets);
            for (String target : targets) {
                assertThat(map(map(latency, "targets"), target)).containsEntry("count", 50L)
                        .hasEntrySatisfying("p50_us", p -> assertThat((double) p).isPositive())
                        .hasEntrySatisfying("p99_us", p -> assertThat((double) p).isPositive());
            }
            assertThat(map(map(latency, "added_over_tcp"), "parley")).containsKeys("p50_us", "p99_us");
            write("latency", latency);

            Map<String, Object> hold = HoldRun.run(endpoints, client, 10);
            assertThat(hold).containsEntry("sessions_open", 10).containsEntry("verified_answered", 10)
                    .containsEntry("verified_all", true).containsKey("heap_per_session_bytes");
            assertThat((List<?>) hold.get("top_classes_per_session")).isNotEmpty();
            assertThat((double) hold.get("open_files_per_session")).isGreaterThanOrEqualTo(2.0);
            write("hold", hold);

            for (String target : targets) {
                Map<String, Object> load = LoadRun.run(endpoints, client, Target.valueOf(target.toUpperCase()), 5, 20,
                        2, 1);
                assertThat(load).containsEntry("sessions_open", 5).containsEntry("lines_lost", 0L)
                        .containsEntry("lines_reordered", 0L).containsEntry("failures", 0L);
                assertThat((long) load.get("lines_answered")).isGreaterThanOrEqualTo(5 * 20 * 3 - 5);
                assertThat(map(load, "latency")).hasEntrySatisfying("count", c -> assertThat((long) c).isPositive());
                write("load-" + target, load);
            }
        }
        Files.writeString(run.resolve("environment.properties"), "command=BenchSmokeTest\nparley_start_ms=1000\n");

        BenchReport report = BenchReport.read(run);
        String markdown = report.markdown();
        assertThat(markdown).contains("| direct TCP |", "| Parley `/ws/session` |", "#### Goals",
                "Held sessions", "| `[B` |");
        String page = BenchReport.splice("# Performance\n\n" + BenchReport.BEGIN + "\nold\n" + BenchReport.END
                + "\n\nafter\n", markdown);
        assertThat(page).doesNotContain("old").contains("| direct TCP |").endsWith("after\n");
        String svg = report.svg();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(svg).contains("Parley", "direct TCP");
    }

    @Test
    void everyDecodeScenarioIsOneWholeAnswer() {
        for (String answer : List.of("imap-literal", "pop3-retr", "smtp-multiline", "smtp-replies")) {
            DialectDecodeBenchmark.Scenario scenario = DialectDecodeBenchmark.scenario(answer);
            List<Object> events = new ArrayList<>();
            DialectDecodeBenchmark.feed(scenario.ready(), scenario.answer(), out -> events.addAll((List<?>) out));
            assertThat(events).as(answer).isNotEmpty();
            assertThat(events.getLast()).as(answer + " ends with its completion").isInstanceOf(DialectEvent.Complete.class);
            assertThat(events).as(answer).noneMatch(e -> e instanceof DialectEvent.LimitExceeded);
        }
    }

    @Test
    void jmhBenchmarksRunAndReportAScore() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(DialectDecodeBenchmark.class.getSimpleName())
                .include(LongLineBenchmark.class.getSimpleName())
                .forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200)).shouldFailOnError(true).build()).run();
        assertThat(results).hasSize(4 + 3);
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    private void write(String name, Map<String, Object> result) throws IOException {
        Files.writeString(run.resolve(name + ".json"), JsonMapper.builder().build().writeValueAsString(result));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> in, String key) {
        return (Map<String, Object>) in.get(key);
    }

    /** Starts websockify when it is installed (scripts/bench.sh installs it); 0 when it is not. */
    private static int startWebsockify(int linePort) throws Exception {
        boolean installed = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "websockify")));
        if (!installed) {
            System.out.println("BenchSmokeTest: websockify is not installed; its column is skipped.");
            return 0;
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        websockify = new ProcessBuilder("websockify", "127.0.0.1:" + port, "127.0.0.1:" + linePort)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return port;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("websockify did not start listening on " + port);
    }
}

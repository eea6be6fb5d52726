package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.HostedParleyTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The workshop load client ({@link WorkshopLoad}, {@code scripts/workshop-load.sh}) kept working:
 * a small run — ten attendees, two walkthroughs each in twenty seconds, the instructor following
 * one — must finish, do every walkthrough and write its report. It asserts what ran, never how
 * fast: the figures are for the full run on a quiet machine.
 */
@HostedParleyTest
class WorkshopLoadTest {

    @LocalServerPort
    int port;

    @Test
    void aSmallLoadRunJoinsEveryoneRunsEveryWalkthroughAndReports() throws Exception {
        Path out = Path.of("target", "bench", "workshop-load-smoke.json");
        WorkshopLoad.Report report = WorkshopLoad.run(new WorkshopLoad.Options(URI.create("http://127.0.0.1:" + port),
                HostedParleyTest.PASSWORD, 10, Duration.ofSeconds(20), Duration.ofSeconds(10), null, out));

        assertThat(report.failureSamples()).isEmpty();
        assertThat(report.failures()).isZero();
        assertThat(report.joined()).isEqualTo(10);
        assertThat(report.walkthroughsDone()).isEqualTo(20);
        assertThat(report.line().count()).as("six answered lines a walkthrough").isEqualTo(120);
        assertThat(report.latencies()).containsKeys("join", "greeting", "line", "follow");
        assertThat(report.latencies().get("follow").count()).as("lines of the followed attendee seen following")
                .isPositive();
        assertThat(report.followEvents()).isPositive();
        JsonNode written = EventSocket.JSON.readTree(Files.readString(out));
        assertThat(written.path("latencies").path("line").path("p99Ms").isNumber()).isTrue();
        assertThat(WorkshopLoad.describe(report)).contains("10 attendees (10 joined)", "line", "failures: 0");
    }
}

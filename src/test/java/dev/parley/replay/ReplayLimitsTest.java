package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.LiveSessions;
import dev.parley.support.ParleyTest;
import dev.parley.support.ScriptedServer;
import dev.parley.transcript.TranscriptRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/** A server that floods stops the replay with a failure naming the limit; memory stays bounded. */
@ParleyTest
class ReplayLimitsTest {

    @Autowired
    LiveSessions sessions;
    @Autowired
    ObjectProvider<TranscriptRecorder> recorder;

    @Test
    void aFloodingServerStopsTheReplayAtTheMostItKeeps() throws Exception {
        ReplayLimits small = new ReplayLimits(2, 10, DataSize.ofKilobytes(64), Duration.ofSeconds(2),
                DataSize.ofKilobytes(64));
        ReplayService replays = new ReplayService(new Replayer(sessions, recorder, small), small);
        try (ScriptedServer flood = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "+OK ready\r\n");
            ScriptedServer.readLine(in);
            ScriptedServer.write(out, "+OK a list that never ends\r\n");
            String line = "x".repeat(200) + "\r\n";
            for (int i = 0; i < 5_000; i++) {
                ScriptedServer.write(out, line);
            }
        })) {
            String transcript = "S: +OK ready\nC: LIST\nS: +OK\nS: <lines>\nS: .\nC: QUIT\nS: +OK bye\n";
            SuiteRun run = replays.run(new ReplaySpec(List.of(new ReplayInput("flood", transcript,
                    new TargetSpec("pop3", "127.0.0.1", flood.port(), null))), null, Map.of(), List.of(),
                    ReplayOptions.of(null, false, 20, 10), null), dev.parley.session.SessionOwner.NOBODY);

            ReplayReport report = run.runs().getFirst().report();
            assertThat(report.passed()).isFalse();
            assertThat(report.steps().get(1).reason()).contains("parley.replay.max-recorded");
            assertThat(report.steps().get(2).reason()).startsWith("Not run: the replay stopped at step 1");
            assertThat(report.transcript().length()).isLessThan(64 * 1024 + 4 * 1024);
        }
    }
}

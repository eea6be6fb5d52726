package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Protocol;
import dev.parley.support.ScriptedServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Time limits end a session cleanly: a LIMIT error in words, then {@code closed} by {@code limit}. */
class SessionLimitsTest {

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    private LiveSession session(Map<String, String> limits) {
        return TestSessions.with(limits).open(events::add);
    }

    private void assertEndedByLimit(String sentence) {
        await().atMost(15, TimeUnit.SECONDS).until(() -> events.stream().anyMatch(SessionEvent.Closed.class::isInstance));
        assertThat(events).filteredOn(SessionEvent.Error.class::isInstance).map(e -> (SessionEvent.Error) e)
                .anySatisfy(e -> {
                    assertThat(e.code()).isEqualTo("LIMIT");
                    assertThat(e.message()).contains(sentence);
                });
        assertThat(events).filteredOn(SessionEvent.Closed.class::isInstance)
                .singleElement().extracting(e -> ((SessionEvent.Closed) e).by()).isEqualTo("limit");
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "220 ready\r\n");
            in.read();
        })) {
            session(Map.of("parley.limits.idle-timeout", "1s"))
                    .connect(new ConnectRequest(Protocol.SMTP, "127.0.0.1", server.port(), false, false));
            assertEndedByLimit("Nothing was sent either way for 1 second");
        }
    }

    @Test
    void aSessionPastItsLongestDurationIsClosedEvenWhileBusy() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "220 ready\r\n");
            for (int i = 0; i < 100; i++) {
                Thread.sleep(100);
                ScriptedServer.write(out, "250-still talking\r\n");
            }
        })) {
            session(Map.of("parley.limits.max-session-duration", "2s"))
                    .connect(new ConnectRequest(Protocol.SMTP, "127.0.0.1", server.port(), false, false));
            assertEndedByLimit("longest time a session may last (2 seconds)");
        }
    }
}

package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Protocol;
import dev.parley.support.ScriptedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that stops reading must not take the session with it (issue #8, item 2). The attack:
 * a target that never reads, and a learner who sends more than the socket buffers hold. Once the
 * kernel's buffers are full the write blocks; before, it blocked while holding the conversation's
 * lock, so the idle and longest-session limits, later sends and even a {@code disconnect} waited
 * for it forever. Now the write happens on the conversation's writer alone.
 */
@Timeout(60)
class BlockedWriteTest {

    /** 12 MB in 1 MB payloads: more than loopback's socket buffers take (4 MB send, ~128 KB receive). */
    private static final String ONE_MB = ("x".repeat(1023) + "\n").repeat(1024);
    private static final int PAYLOADS = 12;

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    /** A server that greets and then never reads; it notes when the client's end closed. */
    private static ScriptedServer deafServer(CountDownLatch readAgain, AtomicLong closedAt) throws Exception {
        return new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "hello\r\n");
            readAgain.await();
            byte[] sink = new byte[64 * 1024];
            while (in.read(sink) != -1) {
                // draining what the kernel buffered, up to the client's close
            }
            closedAt.set(System.nanoTime());
        });
    }

    private LiveSession fill(Map<String, String> limits, int port) throws Exception {
        LiveSession session = TestSessions.with(limits).open(events::add);
        session.connect(new ConnectRequest(Protocol.RAW, "127.0.0.1", port, false, false));
        await().atMost(5, TimeUnit.SECONDS).until(() -> events.stream().anyMatch(SessionEvent.Connected.class::isInstance));
        for (int i = 0; i < PAYLOADS; i++) {
            session.payload(ONE_MB);
        }
        return session;
    }

    @Test
    void timeLimitsEndASessionWhoseServerStoppedReading() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (ScriptedServer server = deafServer(never, new AtomicLong())) {
            LiveSession session = fill(Map.of("parley.limits.idle-timeout", "2s",
                    "parley.limits.max-session-duration", "3s", "parley.limits.max-unwritten", "64MB"), server.port());

            long before = System.nanoTime();
            session.send("and one small line more", false);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("a send returns while a write is blocked")
                    .isLessThan(Duration.ofSeconds(1));

            await().atMost(8, TimeUnit.SECONDS).until(() -> events.stream().anyMatch(SessionEvent.Closed.class::isInstance));
            assertThat(events).filteredOn(SessionEvent.Error.class::isInstance).map(SessionEvent.Error.class::cast)
                    .anySatisfy(e -> assertThat(e.code()).isEqualTo("LIMIT"));
            assertThat(events).filteredOn(SessionEvent.Closed.class::isInstance).singleElement()
                    .extracting(e -> ((SessionEvent.Closed) e).by()).isEqualTo("limit");
        }
    }

    @Test
    void aWriteTheServerDoesNotTakeEndsTheSessionAfterTheWriteTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (ScriptedServer server = deafServer(never, new AtomicLong())) {
            fill(Map.of("parley.limits.write-timeout", "1s", "parley.limits.max-unwritten", "64MB"), server.port());
            await().atMost(8, TimeUnit.SECONDS).until(() -> events.stream().anyMatch(SessionEvent.Closed.class::isInstance));
            assertThat(events).filteredOn(SessionEvent.Error.class::isInstance).map(SessionEvent.Error.class::cast)
                    .anySatisfy(e -> assertThat(e.message()).contains("took nothing", "1 second"));
        }
    }

    @Test
    void disconnectWhileAWriteIsBlockedFreesTheSocketWithinASecond() throws Exception {
        CountDownLatch readAgain = new CountDownLatch(1);
        AtomicLong closedAt = new AtomicLong();
        try (ScriptedServer server = deafServer(readAgain, closedAt)) {
            LiveSession session = fill(Map.of("parley.limits.max-unwritten", "64MB"), server.port());
            Thread.sleep(300);
            long disconnected = System.nanoTime();
            session.disconnect();
            await().atMost(1, TimeUnit.SECONDS).until(() -> events.stream().anyMatch(SessionEvent.Closed.class::isInstance));
            readAgain.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> closedAt.get() != 0);
            assertThat(events).last().isInstanceOf(SessionEvent.Closed.class);
            assertThat(closedAt.get()).as("the server's socket was closed by then").isGreaterThan(disconnected);
        }
    }

    @Test
    void sendingIsRefusedOnceTooMuchWaitsForTheServer() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (ScriptedServer server = deafServer(never, new AtomicLong())) {
            fill(Map.of("parley.limits.max-unwritten", "2MB"), server.port());
            assertThat(events).filteredOn(SessionEvent.Error.class::isInstance).map(SessionEvent.Error.class::cast)
                    .anySatisfy(e -> {
                        assertThat(e.code()).isEqualTo("LIMIT");
                        assertThat(e.message()).contains("has not yet taken", "at most 2 MB");
                    });
        }
    }
}

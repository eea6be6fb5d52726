package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Protocol;
import dev.parley.support.ScriptedServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A viewer that stops taking events must stop the reading of the target (TCP backpressure), not
 * make Parley buffer a flooding server's output without bound.
 */
class BackpressureTest {

    static SessionLimits defaultLimits() {
        return TestSessions.limits(java.util.Map.of());
    }

    /** A viewer that takes the first hundred events and then stops taking any until released. */
    private static final class StallingViewer implements SessionSink {

        final AtomicLong events = new AtomicLong();
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void emit(SessionEvent event) {
            events.incrementAndGet();
        }

        @Override
        public boolean awaitRoom() throws InterruptedException {
            if (events.get() > 100 && release.getCount() > 0) {
                stalled.countDown();
                release.await();
            }
            return true;
        }
    }

    @Test
    void aStalledViewerStopsTheReadingOfAFloodingServer() throws Exception {
        AtomicLong written = new AtomicLong();
        byte[] lines = ("flood ".repeat(10) + "\r\n").repeat(16).getBytes();
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && written.get() < 256L * 1024 * 1024) {
                out.write(lines);
                written.addAndGet(lines.length);
            }
        })) {
            StallingViewer viewer = new StallingViewer();
            LiveSession session = TestSessions.defaults().open(viewer);
            session.connect(new ConnectRequest(Protocol.RAW, "127.0.0.1", server.port(), false, false));
            assertThat(viewer.stalled.await(10, TimeUnit.SECONDS)).as("100 lines arrived, then the viewer stalled").isTrue();

            long settled = waitUntilStable(written);
            Thread.sleep(1000);
            assertThat(written.get()).as("the server could not write more while the viewer was stalled")
                    .isEqualTo(settled)
                    .isLessThan(64L * 1024 * 1024);

            viewer.release.countDown();
            Thread.sleep(1000);
            assertThat(written.get()).as("reading resumes once the viewer takes events again").isGreaterThan(settled);
            session.close();
        }
    }

    @Test
    void aViewerThatIsGoneEndsTheConnection() throws Exception {
        CountDownLatch serverSawTheEnd = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "220 ready\r\n");
            try {
                while (in.read() != -1) {
                    // the client has nothing to say; wait for its end
                }
            } finally {
                serverSawTheEnd.countDown();
            }
        })) {
            AtomicLong events = new AtomicLong();
            LiveSession session = TestSessions.defaults().open(new SessionSink() {
                @Override
                public void emit(SessionEvent event) {
                    events.incrementAndGet();
                }

                @Override
                public boolean awaitRoom() {
                    return events.get() < 2;
                }
            });
            session.connect(new ConnectRequest(Protocol.SMTP, "127.0.0.1", server.port(), false, false));
            assertThat(serverSawTheEnd.await(5, TimeUnit.SECONDS))
                    .as("the target socket is closed once the viewer says it is gone").isTrue();
        }
    }

    /** Waits until the count has not moved for three checks in a row (a busy machine may pause a writer briefly). */
    private static long waitUntilStable(AtomicLong counter) throws InterruptedException {
        long last = -1;
        int unchanged = 0;
        while (unchanged < 3) {
            Thread.sleep(500);
            long now = counter.get();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }
}

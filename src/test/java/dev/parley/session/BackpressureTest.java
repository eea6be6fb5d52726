package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Protocol;
import dev.parley.security.TargetPolicy;
import dev.parley.security.TargetProperties;
import dev.parley.support.ScriptedServer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * A viewer that stops taking events must stop the reading of the target (TCP backpressure), not
 * make Parley buffer a flooding server's output without bound.
 */
class BackpressureTest {

    static SessionLimits defaultLimits() {
        return Binder.get(new StandardEnvironment()).bindOrCreate("parley.limits", SessionLimits.class);
    }

    static LiveSessions sessions() {
        TargetProperties targets = Binder.get(new StandardEnvironment()).bindOrCreate("parley.targets",
                TargetProperties.class);
        return new LiveSessions(defaultLimits(), new TargetPolicy(targets), new TlsClient(List.of(), targets), List.of());
    }

    @Test
    void aStalledViewerStopsTheReadingOfAFloodingServer() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch release = new CountDownLatch(1);
        byte[] lines = ("flood ".repeat(10) + "\r\n").repeat(16).getBytes();
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && written.get() < 256L * 1024 * 1024) {
                out.write(lines);
                written.addAndGet(lines.length);
            }
        })) {
            CountDownLatch firstEvent = new CountDownLatch(1);
            AtomicLong events = new AtomicLong();
            LiveSession session = sessions().open(event -> {
                if (events.incrementAndGet() > 100) {
                    firstEvent.countDown();
                    release.await();
                }
            });
            session.connect(new ConnectRequest(Protocol.RAW, "127.0.0.1", server.port(), false, false));
            assertThat(firstEvent.await(10, TimeUnit.SECONDS)).as("100 lines arrived, then the viewer stalled").isTrue();

            long settled = waitUntilStable(written);
            Thread.sleep(1000);
            assertThat(written.get()).as("the server could not write more while the viewer was stalled")
                    .isEqualTo(settled)
                    .isLessThan(64L * 1024 * 1024);

            release.countDown();
            Thread.sleep(1000);
            assertThat(written.get()).as("reading resumes once the viewer takes events again").isGreaterThan(settled);
            session.close();
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

package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The replay's event queue is bounded in bytes (issue #8 §5): a server that sends faster than the
 * replay takes is slowed, then stopped with a failure naming the limit; the target's reader never
 * waits longer than the stall time.
 */
class EventCollectorTest {

    private static final long BUDGET = 10_000;

    private static SessionEvent.Line line(int n) {
        return new SessionEvent.Line("S", "x".repeat(1_000), n, Instant.EPOCH, "CRLF", false, null, null);
    }

    @Test
    void aReaderThatOutrunsTheReplayWaitsThenIsStoppedAndTheReplayIsToldWhy() throws Exception {
        EventCollector events = new EventCollector(BUDGET, Duration.ofMillis(300));
        AtomicInteger accepted = new AtomicInteger();
        CompletableFuture<Boolean> reader = new CompletableFuture<>();
        // As the session's reader does: wait for room before each read, then queue what it read.
        Thread.ofVirtual().start(() -> {
            try {
                for (int n = 1; n <= 1_000; n++) {
                    if (!events.awaitRoom()) {
                        reader.complete(false);
                        return;
                    }
                    events.emit(line(n));
                    accepted.incrementAndGet();
                }
                reader.complete(true);
            } catch (Throwable e) {
                reader.completeExceptionally(e);
            }
        });

        assertThat(reader.get(10, TimeUnit.SECONDS)).as("the reader is told to stop, not blocked forever").isFalse();
        assertThat(events.queuedBytes()).isLessThanOrEqualTo(BUDGET + EventCollector.size(line(0)) + 1_000);
        assertThat(events.overflowed()).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (int n = 0; n < accepted.get(); n++) {
            assertThat(events.next(deadline)).isInstanceOf(SessionEvent.Line.class);
        }
        SessionEvent last = events.next(deadline);
        assertThat(last).isInstanceOf(SessionEvent.Error.class);
        assertThat(((SessionEvent.Error) last).code()).isEqualTo("LIMIT");
        assertThat(((SessionEvent.Error) last).message()).contains("parley.replay.max-queued");
        assertThat(events.queuedBytes()).isZero();
    }

    @Test
    void aReplayThatKeepsTakingLetsAnyAmountThrough() throws Exception {
        EventCollector events = new EventCollector(BUDGET, Duration.ofSeconds(5));
        CompletableFuture<Boolean> reader = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                for (int n = 1; n <= 500; n++) {
                    if (!events.awaitRoom()) {
                        reader.complete(false);
                        return;
                    }
                    events.emit(line(n));
                }
                reader.complete(true);
            } catch (Throwable e) {
                reader.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int n = 1; n <= 500; n++) {
            SessionEvent.Line taken = (SessionEvent.Line) events.next(deadline);
            assertThat(taken.seq()).isEqualTo(n);
        }
        assertThat(reader.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events.overflowed()).isFalse();
    }

    @Test
    void queuingNeverBlocksSoTheReplaysOwnLinesAreNeverHeldBack() throws Exception {
        EventCollector events = new EventCollector(BUDGET, Duration.ofSeconds(30));
        assertThat(events.next(System.nanoTime())).isNull();
        for (int n = 1; n <= 50; n++) {
            events.emit(line(n));
        }
        assertThat(events.queuedBytes()).isGreaterThan(BUDGET);
        assertThat(events.overflowed()).isFalse();
    }
}

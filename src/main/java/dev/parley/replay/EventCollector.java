package dev.parley.replay;

import dev.parley.session.SessionEvent;
import dev.parley.session.SessionSink;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The replay's viewer: collects the session's events for the replay thread to take in order.
 * Unbounded, because the session's answer and time limits already bound what one replay reads.
 */
final class EventCollector implements SessionSink {

    private final LinkedBlockingQueue<SessionEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void emit(SessionEvent event) {
        events.add(event);
    }

    /** The next event, or null when none came before the deadline ({@link System#nanoTime()}). */
    SessionEvent next(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        return wait <= 0 ? events.poll() : events.poll(wait, TimeUnit.NANOSECONDS);
    }
}

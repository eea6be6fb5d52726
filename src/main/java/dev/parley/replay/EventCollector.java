package dev.parley.replay;

import dev.parley.session.ErrorCode;
import dev.parley.session.SessionEvent;
import dev.parley.session.SessionSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The replay's viewer: collects the session's events for the replay thread to take in order,
 * within a budget of bytes. Events are only queued ({@link #emit} never blocks: the session calls it
 * under its lock); when the server sends faster than the replay takes, the target's reader waits in
 * {@link #awaitRoom} before reading more (backpressure, as a slow browser slows its session) for
 * at most {@code stall}; after that the replay is over: the reader is told to stop (its session
 * ends) and the replay thread, once it has taken what was queued, gets a {@code LIMIT} error naming
 * the limit. Memory exceeds the budget by at most what one read of the target produces.
 */
final class EventCollector implements SessionSink {

    /** What an event costs beyond its text: the record, its boxed fields, the queue's node. */
    private static final int OVERHEAD = 96;

    private final long budget;
    private final Duration stall;
    private final ArrayDeque<SessionEvent> events = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private long queued;
    private boolean overflowed;

    EventCollector(long budgetBytes, Duration stall) {
        this.budget = budgetBytes;
        this.stall = stall;
    }

    @Override
    public void emit(SessionEvent event) {
        long size = size(event);
        lock.lock();
        try {
            events.add(event);
            queued += size;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitRoom() throws InterruptedException {
        lock.lock();
        try {
            long wait = stall.toNanos();
            while (!overflowed && queued > budget) {
                if (wait <= 0) {
                    overflow();
                    break;
                }
                wait = notFull.awaitNanos(wait);
            }
            return !overflowed;
        } finally {
            lock.unlock();
        }
    }

    private void overflow() {
        overflowed = true;
        SessionEvent error = new SessionEvent.Error(ErrorCode.LIMIT.name(), String.format(Locale.ROOT, "The server"
                + " sent more than %,d bytes that the replay could not take in time (%d s): the replay stopped"
                + " reading (parley.replay.max-queued, parley.replay.queue-stall).", budget, stall.toSeconds()));
        events.add(error);
        queued += size(error);
        notEmpty.signal();
    }

    /** The next event, or null when none came before the deadline ({@link System#nanoTime()}). */
    SessionEvent next(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            long wait = deadlineNanos - System.nanoTime();
            while (events.isEmpty()) {
                if (wait <= 0) {
                    return null;
                }
                wait = notEmpty.awaitNanos(wait);
            }
            SessionEvent event = events.poll();
            queued -= size(event);
            notFull.signalAll();
            return event;
        } finally {
            lock.unlock();
        }
    }

    /** True once the queue stayed full too long and the reader was told to stop. */
    boolean overflowed() {
        return locked(() -> overflowed);
    }

    /** True when an event is waiting: the replay may take it without waiting. */
    boolean ready() {
        return locked(() -> !events.isEmpty());
    }

    /** Bytes of events waiting, for tests of the budget. */
    long queuedBytes() {
        return locked(() -> queued);
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    static long size(SessionEvent event) {
        long chars = switch (event) {
            case SessionEvent.Line l -> l.text().length() + (l.redacted() == null ? 0 : l.redacted().length());
            case SessionEvent.Literal l -> l.text().length();
            case SessionEvent.Body b -> length(b.description()) + length(b.contentType());
            case SessionEvent.Notice n -> length(n.text());
            case SessionEvent.Error e -> length(e.message());
            case SessionEvent.Closed c -> length(c.reason());
            case SessionEvent.Connected c -> length(c.remote()) + length(c.host());
            case SessionEvent.Tls t -> t.peer() == null ? 0 : length(t.peer().subject()) + length(t.peer().issuer());
            case SessionEvent.Complete c -> 0;
            case SessionEvent.Pong p -> 0;
        };
        return OVERHEAD + 2 * chars;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}

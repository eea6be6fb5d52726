package dev.parley.common;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run every {@code period} on a virtual thread of its own, from {@link #start} until
 * {@link #stop}: the background work of writers and sweepers (attendee activity, workshop expiry,
 * transcript retention). A run that fails is logged and the next one comes as usual.
 *
 * <p>Why a class for so little: the loop must not test a field that {@code start} assigns from
 * {@code Thread.start(...)}'s result — the new thread can run before that assignment and see
 * "stopped" at once. That race silently stopped the roster writer of a freshly started instance
 * (the cluster test caught it); here "running" is set before the thread exists.
 */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Duration period;
    private final Runnable task;
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param name   the thread's name, and what a failure's log line says could not be done
     * @param period between the end of one run and the start of the next
     */
    public Periodic(String name, Duration period, Runnable task) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("The period of " + name + " must be positive, not " + period);
        }
        this.name = name;
        this.period = period;
        this.task = task;
    }

    /** Starts the thread (once; later calls while running change nothing). First run after one period. */
    public void start() {
        start(false);
    }

    /** As {@link #start()}, with a first run at once. */
    public void startRunningNow() {
        start(true);
    }

    private synchronized void start(boolean now) {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name(name).start(() -> loop(now));
    }

    /** No run starts after this; one in progress finishes. */
    public synchronized void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /** Started, not stopped, and its thread alive (a loop that ended by itself is not running). */
    public boolean isRunning() {
        Thread current = thread;
        return running && current != null && current.isAlive();
    }

    private void loop(boolean now) {
        if (now) {
            runOnce();
        }
        while (running) {
            LockSupport.parkNanos(period.toNanos());
            if (running) {
                runOnce();
            }
        }
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} failed (it runs again in {})", name, period, e);
        }
    }
}

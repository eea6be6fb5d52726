package dev.parley.session;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clock for every open conversation: each {@link #PERIOD} it lets each one check its time
 * limits (the raw quiet time, the answer timeout, a stalled write, idleness, the session's age).
 * Readers block in {@code read} with no timeout, so an idle session costs no wake-ups, no
 * exceptions and no thread of its own beyond its blocked reader.
 */
final class SessionClock {

    static final Duration PERIOD = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(SessionClock.class);

    private final Set<Conversation> conversations = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private Thread thread;

    void register(Conversation conversation) {
        conversations.add(conversation);
        startOnce();
    }

    void unregister(Conversation conversation) {
        conversations.remove(conversation);
    }

    int size() {
        return conversations.size();
    }

    void stop() {
        stopped = true;
    }

    private synchronized void startOnce() {
        if (thread == null && !stopped) {
            thread = Thread.ofVirtual().name("parley-session-clock").start(this::run);
        }
    }

    private void run() {
        while (!stopped) {
            LockSupport.parkNanos(PERIOD.toNanos());
            long now = System.nanoTime();
            for (Conversation conversation : conversations) {
                try {
                    conversation.tick(now);
                } catch (RuntimeException e) {
                    log.warn("A session's time check failed", e);
                }
            }
        }
    }
}

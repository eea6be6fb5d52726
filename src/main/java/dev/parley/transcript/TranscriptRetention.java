package dev.parley.transcript;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes transcripts older than {@code parley.transcripts.retention}, once at start and then every
 * {@code purge-every}, so that a long-running Parley (a hosted workshop server, a laptop left on
 * for a term) does not keep every conversation forever. A retention of 0 keeps them all.
 */
@Component
class TranscriptRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TranscriptRetention.class);

    private final TranscriptStore store;
    private final TranscriptProperties properties;
    private volatile Thread thread;

    TranscriptRetention(TranscriptStore store, TranscriptProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Deletes what is past retention now; returns how many transcripts went. */
    int purge() {
        Duration retention = properties.retention();
        if (retention.isZero() || retention.isNegative()) {
            return 0;
        }
        int deleted = store.deleteStartedBefore(Instant.now().minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} transcript{} older than {} (parley.transcripts.retention)", deleted,
                    deleted == 1 ? "" : "s", retention);
        }
        return deleted;
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                purge();
            } catch (RuntimeException e) {
                log.warn("Could not delete old transcripts: {}", e.getMessage());
            }
            LockSupport.parkNanos(properties.purgeEvery().toNanos());
        }
    }

    @Override
    public void start() {
        // Noted before it starts: a loop that ran first would find no thread and end at once.
        Thread loop = Thread.ofVirtual().name("parley-transcript-retention").unstarted(this::loop);
        thread = loop;
        loop.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    @Override
    public boolean isRunning() {
        Thread loop = thread;
        return loop != null && loop.isAlive();
    }
}

package dev.parley.transcript;

import java.time.Duration;
import java.time.Instant;
import dev.parley.common.PeriodicLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes transcripts older than {@code parley.transcripts.retention}, once at start and then every
 * {@code purge-every}, so that a long-running Parley (a hosted workshop server, a laptop left on
 * for a term) does not keep every conversation forever. A retention of 0 keeps them all.
 */
@Component
class TranscriptRetention extends PeriodicLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TranscriptRetention.class);

    private final TranscriptStore store;
    private final TranscriptProperties properties;

    TranscriptRetention(TranscriptStore store, TranscriptProperties properties) {
        super("parley-transcript-retention", properties.purgeEvery(), true);
        this.store = store;
        this.properties = properties;
    }

    @Override
    protected void runPeriodically() {
        purge();
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
}

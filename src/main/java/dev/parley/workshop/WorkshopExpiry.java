package dev.parley.workshop;

import dev.parley.common.PeriodicLifecycle;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends workshops whose time is up, every {@code parley.workshop.expiry-check}: their sessions are
 * closed and their practice mailboxes removed, as when the instructor ends one. On several
 * instances each checks; the database lets exactly one of them end each workshop.
 */
@Component
class WorkshopExpiry extends PeriodicLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkshopExpiry.class);

    private final WorkshopStore store;
    private final Workshops workshops;

    WorkshopExpiry(WorkshopStore store, Workshops workshops, WorkshopProperties properties) {
        super("parley-workshop-expiry", properties.expiryCheck(), false);
        this.store = store;
        this.workshops = workshops;
    }

    @Override
    protected void runPeriodically() {
        sweep();
    }

    void sweep() {
        for (Workshop workshop : store.expired(Instant.now())) {
            log.info("Workshop {} (“{}”) has expired: ending it", workshop.code(), workshop.title());
            workshops.finish(workshop.code());
        }
    }
}

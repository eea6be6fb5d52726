package dev.parley.workshop;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends workshops whose time is up, every {@code parley.workshop.expiry-check}: their sessions are
 * closed and their practice mailboxes removed, as when the instructor ends one. On several
 * instances each checks; the database lets exactly one of them end each workshop.
 */
@Component
class WorkshopExpiry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkshopExpiry.class);

    private final WorkshopStore store;
    private final Workshops workshops;
    private final WorkshopProperties properties;
    private volatile Thread thread;

    WorkshopExpiry(WorkshopStore store, Workshops workshops, WorkshopProperties properties) {
        this.store = store;
        this.workshops = workshops;
        this.properties = properties;
    }

    void sweep() {
        for (Workshop workshop : store.expired(Instant.now())) {
            log.info("Workshop {} (“{}”) has expired: ending it", workshop.code(), workshop.title());
            workshops.finish(workshop.code());
        }
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            LockSupport.parkNanos(properties.expiryCheck().toNanos());
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Could not end expired workshops: {}", e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        // Noted before it starts: a loop that ran first would find no thread and end at once.
        Thread loop = Thread.ofVirtual().name("parley-workshop-expiry").unstarted(this::loop);
        thread = loop;
        loop.start();
    }

    @Override
    public void stop() {
        thread = null;
    }

    @Override
    public boolean isRunning() {
        Thread loop = thread;
        return loop != null && loop.isAlive();
    }
}

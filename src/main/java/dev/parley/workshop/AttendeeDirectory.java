package dev.parley.workshop;

import dev.parley.bus.EventBus;
import dev.parley.security.AttendeeTokens;
import dev.parley.security.Identity;
import dev.parley.security.TranscriptReaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Who an identity cookie belongs to in hosted mode (an attendee of a running workshop), and whose
 * transcripts the instructor may read (every attendee's). A cookie is looked up at most every
 * {@link #FRESH} per instance (each request and WebSocket handshake asks); a removal or the end of
 * a workshop clears what every instance cached at once (the bus says so), and their open sockets
 * are closed too.
 */
@Component
@Primary
class AttendeeDirectory implements AttendeeTokens, TranscriptReaders {

    static final java.time.Duration FRESH = java.time.Duration.ofSeconds(5);
    private static final int MAX_CACHED = 10_000;

    private record Cached(Optional<Identity> identity, long until) {
    }

    private final WorkshopStore store;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    AttendeeDirectory(WorkshopStore store, EventBus bus) {
        this.store = store;
        bus.subscribe(WorkshopEvents.IDENTITIES, payload -> forget());
    }

    @Override
    public Optional<Identity> attendee(String tokenHash) {
        long now = System.nanoTime();
        Cached cached = cache.get(tokenHash);
        if (cached != null && now < cached.until()) {
            return cached.identity();
        }
        Optional<Identity> identity = store.byToken(tokenHash, Instant.now()).map(a -> Identity.attendee(a.id(),
                a.workshop(), a.name(), store.find(a.workshop()).map(Workshop::targets).orElse(List.of())));
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(tokenHash, new Cached(identity, now + FRESH.toNanos()));
        return identity;
    }

    /** Forgets every cached answer (an attendee was removed, a workshop ended). */
    void forget() {
        cache.clear();
    }

    @Override
    public List<String> owners(Identity identity) {
        if (identity.role() == Identity.Role.INSTRUCTOR) {
            List<String> owners = new ArrayList<>(store.attendeeIdsEver());
            owners.add(identity.id());
            return owners;
        }
        return TranscriptReaders.OWN.owners(identity);
    }
}

package dev.parley.workshop;

import dev.parley.bus.EventBus;
import dev.parley.security.Identity;
import dev.parley.session.SessionEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attendee WebSockets this instance holds, by workshop: where an instructor's broadcasts and
 * suggestions go, and which are closed when an attendee is removed or the workshop ends. Each
 * instance listens to a workshop's bus channel while it holds one of its attendees, and forwards
 * only to its own sockets. Delivery never waits for a browser: events are queued on each viewer.
 */
@Component
public class AttendeeSockets {

    /** What this registry needs of an attendee's WebSocket. */
    public interface Viewer {

        /** Queues an event for the browser; never blocks. */
        void tell(SessionEvent event);

        /** Says why, then closes the WebSocket (its session ends). */
        void leave(String reason);
    }

    /** An attendee socket's registration; closing it is idempotent. */
    public interface Registration extends AutoCloseable {

        @Override
        void close();
    }

    private static final Logger log = LoggerFactory.getLogger(AttendeeSockets.class);
    private static final Registration NONE = () -> { };

    private record Held(String attendee, Viewer viewer) {
    }

    private final EventBus bus;
    private final JsonMapper json;
    private final Map<String, Set<Held>> byWorkshop = new ConcurrentHashMap<>();
    private final Map<String, EventBus.Subscription> subscriptions = new ConcurrentHashMap<>();

    AttendeeSockets(EventBus bus, JsonMapper json) {
        this.bus = bus;
        this.json = json;
    }

    /** Registers an attendee's WebSocket; anyone else's is not a workshop's business. */
    public Registration register(Identity identity, Viewer viewer) {
        if (identity.role() != Identity.Role.ATTENDEE || identity.workshop() == null) {
            return NONE;
        }
        String code = identity.workshop();
        Held held = new Held(identity.id(), viewer);
        byWorkshop.compute(code, (c, set) -> {
            Set<Held> sockets = set == null ? ConcurrentHashMap.newKeySet() : set;
            sockets.add(held);
            subscriptions.computeIfAbsent(c, k -> bus.subscribe(WorkshopEvents.workshop(k), payload -> heard(k, payload)));
            return sockets;
        });
        return () -> byWorkshop.computeIfPresent(code, (c, set) -> {
            set.remove(held);
            if (set.isEmpty()) {
                EventBus.Subscription subscription = subscriptions.remove(c);
                if (subscription != null) {
                    subscription.close();
                }
                return null;
            }
            return set;
        });
    }

    /** Attendees with a WebSocket open on this instance (for the roster's "online"). */
    public Set<String> online() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        byWorkshop.values().forEach(set -> set.forEach(h -> ids.add(h.attendee())));
        return ids;
    }

    private void heard(String code, String payload) {
        JsonNode message;
        try {
            message = json.readTree(payload);
        } catch (RuntimeException e) {
            log.warn("A malformed message on workshop {}'s channel was ignored", code);
            return;
        }
        Set<Held> sockets = byWorkshop.getOrDefault(code, Set.of());
        switch (message.path("type").asString()) {
            case "broadcast" -> {
                SessionEvent event = new SessionEvent.Broadcast(message.path("text").asString(), instant(message.path("at")));
                sockets.forEach(h -> h.viewer().tell(event));
            }
            case "suggest" -> {
                SessionEvent event = new SessionEvent.Suggest(message.path("line").asString(),
                        message.path("protocol").isMissingNode() || message.path("protocol").isNull() ? null
                                : message.path("protocol").asString());
                sockets.forEach(h -> h.viewer().tell(event));
            }
            case "removed" -> {
                String attendee = message.path("attendee").asString();
                sockets.stream().filter(h -> h.attendee().equals(attendee))
                        .forEach(h -> h.viewer().leave("The instructor removed you from this workshop."));
            }
            case "ended" -> sockets.forEach(h -> h.viewer().leave("The workshop has ended. Thank you for taking part!"));
            default -> log.debug("Unknown message on workshop {}'s channel: {}", code, message.path("type"));
        }
    }

    private static Instant instant(JsonNode at) {
        try {
            return Instant.parse(at.asString());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}

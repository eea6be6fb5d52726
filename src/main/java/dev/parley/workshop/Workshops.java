package dev.parley.workshop;

import dev.parley.bus.EventBus;
import dev.parley.protocol.Protocol;
import dev.parley.security.ExtraTargets;
import dev.parley.security.IdentityCookie;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running workshops (CONTRACTS.md §7): create, join, end, remove an attendee, broadcast and
 * suggest. What other instances must know goes through the {@link EventBus}; what must survive
 * any instance goes to the database ({@link WorkshopStore}).
 */
@Service
public class Workshops {

    /** Why a workshop cannot be made as asked; the message names the field. */
    public static final class BadWorkshop extends RuntimeException {

        private final String field;

        BadWorkshop(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A join: the attendee and the identity cookie's value (given once, to the joining browser only), or why not. */
    public record Join(Attendee attendee, String token, WorkshopStore.Refusal refusal) {
    }

    static final int MAX_NAME = 40;

    private final WorkshopStore store;
    private final WorkshopProperties properties;
    private final EventBus bus;
    private final JsonMapper json;

    Workshops(WorkshopStore store, WorkshopProperties properties, EventBus bus, JsonMapper json) {
        this.store = store;
        this.properties = properties;
        this.bus = bus;
        this.json = json;
    }

    public Workshop create(String title, Integer capacity, Integer durationMinutes, List<String> protocols,
            List<String> targets) {
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new BadWorkshop("title", "give the workshop a title of 1 to 200 characters");
        }
        int seats = capacity == null ? properties.defaultCapacity() : capacity;
        if (seats < 1 || seats > properties.maxCapacity()) {
            throw new BadWorkshop("capacity", "must be between 1 and " + properties.maxCapacity()
                    + " (parley.workshop.max-capacity)");
        }
        Duration duration = durationMinutes == null ? properties.defaultDuration() : Duration.ofMinutes(durationMinutes);
        if (duration.toMinutes() < 1 || duration.compareTo(properties.maxDuration()) > 0) {
            throw new BadWorkshop("durationMinutes", "must be between 1 and " + properties.maxDuration().toMinutes()
                    + " minutes (parley.workshop.max-duration)");
        }
        List<String> chosen = protocols == null || protocols.isEmpty()
                ? List.of("smtp", "pop3", "imap", "http") : protocols.stream().map(p -> p.strip().toLowerCase(Locale.ROOT))
                        .distinct().toList();
        for (String protocol : chosen) {
            if (Protocol.fromId(protocol).isEmpty()) {
                throw new BadWorkshop("protocols", "unknown protocol “" + protocol + "”: use smtp, pop3, imap, http or raw");
            }
        }
        List<String> extra = targets == null ? List.of() : targets;
        try {
            extra = ExtraTargets.parse(extra).written();
        } catch (IllegalArgumentException e) {
            throw new BadWorkshop("targets", e.getMessage());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 0; ; attempt++) {
            Workshop workshop = new Workshop(JoinCodes.next(), name, seats, chosen, extra, now, now.plus(duration), null);
            try {
                store.create(workshop);
                return workshop;
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    public Optional<Workshop> find(String code) {
        String normal = JoinCodes.normal(code);
        return normal == null ? Optional.empty() : store.find(normal);
    }

    public List<Workshop> all() {
        return store.all();
    }

    /**
     * Admits {@code name} to a workshop, with a practice mailbox of their own (made on whichever
     * instance runs the practice servers); the same name twice is two attendees.
     */
    public Join join(String code, String name) {
        String display = displayName(name);
        String normal = JoinCodes.normal(code);
        if (normal == null) {
            return new Join(null, null, WorkshopStore.Refusal.UNKNOWN);
        }
        String token = IdentityCookie.newToken();
        String id = "a-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String user = slug(display) + "-" + JoinCodes.random(4);
        Attendee attendee = new Attendee(id, normal, display, user, JoinCodes.random(10), null, null, null, null, null,
                null, null);
        WorkshopStore.Joined joined = store.join(normal, attendee, IdentityCookie.hash(token),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (joined.refusal() != null) {
            return new Join(null, null, joined.refusal());
        }
        publish(WorkshopEvents.PRACTICE, new WorkshopEvents.PracticeAccount("add", user, attendee.mailboxPassword()));
        return new Join(joined.attendee(), token, null);
    }

    /** Ends a workshop: every attendee's sessions closed and practice mailbox removed. */
    public boolean end(String code) {
        Optional<Workshop> workshop = find(code);
        if (workshop.isEmpty()) {
            return false;
        }
        finish(workshop.get().code());
        return true;
    }

    /** Ends {@code code} if no instance did yet; only the instance that ended it cleans up. */
    void finish(String code) {
        if (store.end(code, Instant.now())) {
            for (Attendee attendee : store.attendees(code)) {
                publish(WorkshopEvents.PRACTICE, new WorkshopEvents.PracticeAccount("remove", attendee.mailboxUser(), null));
            }
            publish(WorkshopEvents.IDENTITIES, new WorkshopEvents.Ended("ended"));
            publish(WorkshopEvents.workshop(code), new WorkshopEvents.Ended("ended"));
        }
    }

    public boolean remove(String code, String attendeeId) {
        Optional<Attendee> attendee = store.attendee(attendeeId).filter(a -> a.workshop().equals(code));
        if (attendee.isEmpty() || !store.remove(code, attendeeId, Instant.now())) {
            return false;
        }
        publish(WorkshopEvents.PRACTICE, new WorkshopEvents.PracticeAccount("remove", attendee.get().mailboxUser(), null));
        publish(WorkshopEvents.IDENTITIES, new WorkshopEvents.Removed("removed", attendeeId));
        publish(WorkshopEvents.workshop(code), new WorkshopEvents.Removed("removed", attendeeId));
        return true;
    }

    /**
     * Puts one attendee's own practice mailbox back as the lesson starts (made again by the
     * instance that runs the practice servers), and no one else's: in a workshop the other
     * mailboxes hold classmates' mail. The mailbox's login, or empty when there is no such attendee.
     */
    public Optional<String> resetMailbox(String attendeeId) {
        Optional<Attendee> attendee = store.attendee(attendeeId);
        attendee.ifPresent(a -> publish(WorkshopEvents.PRACTICE,
                new WorkshopEvents.PracticeAccount("add", a.mailboxUser(), a.mailboxPassword())));
        return attendee.map(Attendee::mailboxUser);
    }

    public void broadcast(String code, String text) {
        publish(WorkshopEvents.workshop(code), new WorkshopEvents.Broadcast("broadcast", text, Instant.now().toString()));
    }

    public void suggest(String code, String line, String protocol) {
        publish(WorkshopEvents.workshop(code), new WorkshopEvents.Suggest("suggest", line, protocol));
    }

    public List<Attendee> attendees(String code) {
        return store.attendees(code);
    }

    public java.util.Map<String, java.util.Map<String, List<String>>> steps(String code) {
        return store.steps(code);
    }

    private void publish(String channel, Object message) {
        bus.publish(channel, json.writeValueAsString(message));
    }

    /** A name as shown to the class: trimmed, control characters out, at most {@value #MAX_NAME} characters. */
    static String displayName(String name) {
        String cleaned = name == null ? "" : name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (cleaned.isEmpty()) {
            throw new BadWorkshop("name", "say what name the class should see you under");
        }
        return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) : cleaned;
    }

    /** A mailbox user name from a display name: lower-case ASCII letters and digits, at most 16. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (ascii.isEmpty()) {
            ascii = "learner";
        }
        return ascii.length() > 16 ? ascii.substring(0, 16) : ascii;
    }
}

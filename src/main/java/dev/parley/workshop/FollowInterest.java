package dev.parley.workshop;

import dev.parley.bus.EventBus;
import dev.parley.common.PeriodicLifecycle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which attendees someone follows, anywhere in the cluster, so that an attendee's live events
 * cross to other instances only while they are watched. Without it every event of every attendee
 * was notified to every instance: 400 attendees doing the SMTP walkthrough once a minute made
 * ~150 notifications a second for the one attendee the instructor had open (the load run of issue
 * #14, docs/architecture.md).
 *
 * <p>The instance of a follower announces it on the bus channel {@value #CHANNEL} at once and
 * again every {@link #ANNOUNCE_EVERY} while the follow lasts; every instance takes the attendee as
 * followed until {@link #LASTS} after the last announcement. No "unfollow": with two followers on
 * two instances, one leaving must not silence the other; interest simply runs out.
 */
@Component
class FollowInterest extends PeriodicLifecycle {

    static final String CHANNEL = "following";
    static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(10);
    static final Duration LASTS = Duration.ofSeconds(35);
    /** Attendees with interest recorded; a follow names one at a time, so this is far more than enough. */
    static final int MAX_FOLLOWED = 10_000;

    private final EventBus bus;
    private final JsonMapper json;
    /** Followed attendee → System.nanoTime() until which they are. */
    private final Map<String, Long> followed = new ConcurrentHashMap<>();
    /** Follows open on this instance: attendee → how many. */
    private final Map<String, Integer> local = new ConcurrentHashMap<>();
    private EventBus.Subscription subscription;

    FollowInterest(EventBus bus, JsonMapper json) {
        super("parley-follow-interest", ANNOUNCE_EVERY, false);
        this.bus = bus;
        this.json = json;
    }

    /** A follow of {@code attendee} opens on this instance; closing the handle ends this one's interest. */
    Follows.Follow follow(String attendee) {
        local.merge(attendee, 1, Integer::sum);
        announce(attendee);
        return () -> local.computeIfPresent(attendee, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Whether anyone, on any instance, follows {@code attendee} now. */
    boolean followed(String attendee) {
        Long until = followed.get(attendee);
        if (until == null) {
            return false;
        }
        if (until - System.nanoTime() > 0) {
            return true;
        }
        followed.remove(attendee, until);
        return false;
    }

    private void heard(String payload) {
        String attendee;
        try {
            attendee = json.readTree(payload).path("attendee").asString("");
        } catch (RuntimeException e) {
            return;
        }
        if (attendee.isEmpty() || attendee.length() > 64) {
            return;
        }
        if (followed.size() >= MAX_FOLLOWED) {
            followed.entrySet().removeIf(e -> e.getValue() - System.nanoTime() <= 0);
            if (followed.size() >= MAX_FOLLOWED) {
                return;
            }
        }
        followed.put(attendee, System.nanoTime() + LASTS.toNanos());
    }

    private void announce(String attendee) {
        bus.publish(CHANNEL, json.writeValueAsString(Map.of("attendee", attendee)));
    }

    /** Renews the interest of every follow open here, before it runs out on the other instances. */
    @Override
    protected void runPeriodically() {
        local.keySet().forEach(this::announce);
    }

    @Override
    public void start() {
        subscription = bus.subscribe(CHANNEL, this::heard);
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (subscription != null) {
            subscription.close();
        }
    }
}

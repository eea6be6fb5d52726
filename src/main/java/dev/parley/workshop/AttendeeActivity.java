package dev.parley.workshop;

import dev.parley.bus.EventBus;
import dev.parley.common.PeriodicLifecycle;
import dev.parley.protocol.Protocol;
import dev.parley.session.ConversationInfo;
import dev.parley.session.ConversationListener;
import dev.parley.session.EventJson;
import dev.parley.session.SessionEvent;
import dev.parley.transcript.TranscriptRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the instructor sees of each attendee, taken from their conversations as they happen: the
 * roster's current protocol, target, last line and last error, the walkthrough moves done, and
 * the live events a follower gets (on the bus, secrets masked). Called on the sessions' own
 * threads, so it only notes and hands off: one virtual thread writes to the database every
 * {@link #WRITE_EVERY} — at most one roster write per attendee per tick, however busy they are.
 */
@Component
class AttendeeActivity extends PeriodicLifecycle implements ConversationListener {

    static final Duration WRITE_EVERY = Duration.ofSeconds(1);
    /** An attendee with a WebSocket open is online until this long after the last tick that saw it. */
    static final Duration ONLINE_FOR = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(AttendeeActivity.class);
    private static final int MAX_LINE = 300;

    private static final class Tracked {
        final String attendee;
        final Protocol protocol;
        final String target;
        final StepTracker steps;
        final String conversation;
        volatile String transcript;

        Tracked(String attendee, ConversationInfo info) {
            this.attendee = attendee;
            this.protocol = info.protocol();
            this.target = info.host() + ":" + info.port();
            this.steps = new StepTracker(info.protocol());
            this.conversation = info.id();
        }
    }

    /** The roster's view of one attendee, overwritten as things happen; written when dirty. */
    private static final class Roster {
        volatile String protocol;
        volatile String target;
        volatile String lastLine;
        volatile Instant lastAt;
        volatile String lastError;
        volatile boolean dirty;
    }

    private record Step(String attendee, String protocol, String step, Instant at) {
    }

    private final WorkshopStore store;
    private final EventBus bus;
    private final EventJson json;
    private final TranscriptRecorder recorder;
    private final AttendeeSockets sockets;
    private final FollowInterest interest;
    private final Map<String, Tracked> conversations = new ConcurrentHashMap<>();
    private final Map<String, Roster> rosters = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();

    AttendeeActivity(WorkshopStore store, EventBus bus, EventJson json, TranscriptRecorder recorder,
            AttendeeSockets sockets, FollowInterest interest) {
        super("parley-attendee-activity", WRITE_EVERY, false);
        this.interest = interest;
        this.store = store;
        this.bus = bus;
        this.json = json;
        this.recorder = recorder;
        this.sockets = sockets;
    }

    @Override
    public void opened(ConversationInfo info) {
        if (info.owner() != null && info.owner().startsWith("a-")) {
            Tracked tracked = new Tracked(info.owner(), info);
            conversations.put(info.id(), tracked);
            Roster roster = rosters.computeIfAbsent(info.owner(), id -> new Roster());
            roster.protocol = tracked.protocol.id();
            roster.target = tracked.target;
            roster.dirty = true;
        }
    }

    @Override
    public void event(String conversationId, SessionEvent event) {
        Tracked tracked = conversations.get(conversationId);
        if (tracked == null) {
            return;
        }
        SessionEvent shown = EventJson.forSecondViewer(event);
        tracked.steps.step(event).ifPresent(step ->
                steps.add(new Step(tracked.attendee, tracked.protocol.id(), step, Instant.now())));
        Roster roster = rosters.computeIfAbsent(tracked.attendee, id -> new Roster());
        switch (shown) {
            case SessionEvent.Line line -> {
                roster.lastLine = line.dir() + ": " + cut(line.text());
                roster.lastAt = line.at();
                roster.dirty = true;
            }
            case SessionEvent.Error error -> {
                roster.lastError = cut(error.message());
                roster.lastAt = Instant.now();
                roster.dirty = true;
            }
            default -> {
            }
        }
        if (!interest.followed(tracked.attendee)) {
            return;
        }
        if (tracked.transcript == null) {
            tracked.transcript = recorder.transcriptId(conversationId).orElse(null);
        }
        bus.publish(WorkshopEvents.attendee(tracked.attendee), "{\"transcript\":" + quote(tracked.transcript)
                + ",\"conversation\":" + quote(conversationId) + ",\"event\":" + json.write(shown) + "}");
    }

    @Override
    public void ended(String conversationId) {
        conversations.remove(conversationId);
    }

    private void write() {
        Instant now = Instant.now();
        Set<String> online = sockets.online();
        for (Map.Entry<String, Roster> entry : rosters.entrySet()) {
            Roster roster = entry.getValue();
            boolean here = online.contains(entry.getKey());
            if (!roster.dirty && !here) {
                continue;
            }
            roster.dirty = false;
            try {
                store.activity(entry.getKey(), here ? now.plus(ONLINE_FOR) : null, roster.protocol, roster.target,
                        roster.lastLine, roster.lastAt, roster.lastError);
            } catch (RuntimeException e) {
                log.warn("Could not note an attendee's activity: {}", e.getMessage());
            }
            if (!here && !conversations.values().stream().anyMatch(t -> t.attendee.equals(entry.getKey()))) {
                rosters.remove(entry.getKey(), roster);
            }
        }
        for (String attendee : online) {
            rosters.computeIfAbsent(attendee, id -> new Roster());
        }
        for (Step step = steps.poll(); step != null; step = steps.poll()) {
            try {
                store.stepDone(step.attendee(), step.protocol(), step.step(), step.at());
            } catch (RuntimeException e) {
                log.warn("Could not note a walkthrough step: {}", e.getMessage());
            }
        }
    }

    /** Writes what is waiting now (for tests and a graceful stop). */
    void flush() {
        write();
    }

    @Override
    protected void runPeriodically() {
        write();
    }

    /** Stops the writer, and writes what is waiting: a graceful stop loses no activity. */
    @Override
    public void stop() {
        super.stop();
        write();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE) + "…";
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

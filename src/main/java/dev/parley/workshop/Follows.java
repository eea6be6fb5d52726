package dev.parley.workshop;

import dev.parley.bus.EventBus;
import dev.parley.session.EventJson;
import dev.parley.session.SessionEvent;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptLine;
import dev.parley.transcript.TranscriptPage;
import dev.parley.transcript.TranscriptStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instructor following an attendee (CONTRACTS.md §7, {@code /ws/follow}): first what the
 * attendee has done so far in their latest conversation (its stored transcript, secrets masked as
 * stored), then their events live, from whichever instance holds their WebSocket (the bus). The
 * live channel is joined before the transcript is read and buffered meanwhile, so nothing falls
 * between the two; an event already in the transcript (same transcript, a sequence number it has
 * reached) is not sent twice.
 */
@Service
public class Follows {

    /** Longer than the recorder's write interval: every event before the subscription is in the database by then. */
    static final Duration SETTLE = Duration.ofMillis(600);

    /** A follow in progress; closing it stops the stream. */
    public interface Follow extends AutoCloseable {

        @Override
        void close();
    }

    /** The attendee is not in that workshop (or either does not exist). */
    public static final class NotFound extends Exception {

        NotFound(String message) {
            super(message);
        }
    }

    private final WorkshopStore store;
    private final TranscriptStore transcripts;
    private final EventBus bus;
    private final EventJson events;
    private final JsonMapper json;
    private final FollowInterest interest;

    Follows(WorkshopStore store, TranscriptStore transcripts, EventBus bus, EventJson events, JsonMapper json,
            FollowInterest interest) {
        this.interest = interest;
        this.store = store;
        this.transcripts = transcripts;
        this.bus = bus;
        this.events = events;
        this.json = json;
    }

    /**
     * Starts following; {@code out} gets one JSON event per call, on any thread, and must not block.
     *
     * @throws NotFound the attendee is not in the workshop
     */
    public Follow start(String code, String attendeeId, Consumer<String> out) throws NotFound {
        String workshop = JoinCodes.normal(code);
        Attendee attendee = (workshop == null ? Optional.<Attendee>empty() : store.attendee(attendeeId))
                .filter(a -> a.workshop().equals(workshop))
                .orElseThrow(() -> new NotFound("No attendee “" + attendeeId + "” in workshop “" + code + "”."));
        Stream stream = new Stream(out);
        EventBus.Subscription subscription = bus.subscribe(WorkshopEvents.attendee(attendee.id()), stream::live);
        // The attendee's instance starts publishing their events once it hears this; what they did
        // before is in the transcript read after SETTLE.
        Follow interested = interest.follow(attendee.id());
        Thread.startVirtualThread(() -> {
            try {
                Thread.sleep(SETTLE);
                stream.catchUp(attendee, latest(attendee.id()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return () -> {
            subscription.close();
            interested.close();
        };
    }

    private Optional<Transcript> latest(String owner) {
        TranscriptPage newest = transcripts.list(List.of(owner), null, 0, 1);
        return newest.items().isEmpty() ? Optional.empty() : transcripts.find(newest.items().getFirst().id());
    }

    /** One follower's stream: live events wait until the catch-up is out, then pass, minus the ones it had. */
    private final class Stream {

        private final Consumer<String> out;
        private final List<String> waiting = new ArrayList<>();
        private boolean caughtUp;
        private String caughtUpTranscript;
        private long caughtUpSeq;

        Stream(Consumer<String> out) {
            this.out = out;
        }

        synchronized void live(String envelope) {
            if (!caughtUp) {
                if (waiting.size() < 10_000) {
                    waiting.add(envelope);
                }
                return;
            }
            forward(envelope);
        }

        synchronized void catchUp(Attendee attendee, Optional<Transcript> transcript) {
            out.accept(events.write(new SessionEvent.Notice("Following " + attendee.name() + ": "
                    + transcript.map(t -> "their conversation so far, then live.")
                            .orElse("nothing yet; their lines will appear as they type them."), Instant.now())));
            transcript.ifPresent(t -> {
                caughtUpTranscript = t.id();
                for (TranscriptLine line : t.lines()) {
                    event(line).ifPresent(e -> out.accept(events.write(e)));
                    caughtUpSeq = Math.max(caughtUpSeq, line.eventSeq());
                }
            });
            caughtUp = true;
            waiting.forEach(this::forward);
            waiting.clear();
        }

        private void forward(String envelope) {
            JsonNode message = json.readTree(envelope);
            JsonNode event = message.path("event");
            boolean had = caughtUpTranscript != null && caughtUpTranscript.equals(message.path("transcript").asString(null))
                    && event.has("seq") && event.path("seq").asLong() <= caughtUpSeq;
            if (!had) {
                out.accept(json.writeValueAsString(event));
            }
        }
    }

    /** A stored line as the event it was live (its meaning is not stored: the follower sees the text). */
    static Optional<SessionEvent> event(TranscriptLine line) {
        Instant at = line.at() == null ? Instant.EPOCH : line.at();
        return Optional.ofNullable(switch (line.kind()) {
            case LINE -> new SessionEvent.Line(line.direction().name(), line.text(), line.eventSeq(), at,
                    line.terminator().name(), line.secure(), null, null);
            case LITERAL -> new SessionEvent.Literal(line.direction().name(), line.text().length(), line.text(), false,
                    line.eventSeq(), at, line.secure());
            case BODY -> new SessionEvent.Body(null, 0, line.text(), line.eventSeq(), at);
            case NOTE -> new SessionEvent.Notice(line.text(), at);
            case TLS -> new SessionEvent.Notice("TLS: " + line.text(), at);
        });
    }
}

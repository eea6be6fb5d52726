package dev.parley.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parley.protocol.Annotation;
import java.time.Instant;

/**
 * What a live session tells its viewer, one record per event of the WebSocket contract
 * (CONTRACTS.md §1, docs/websocket-events.md). Serialised with an {@code event} field naming it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SessionEvent.Connected.class, name = "connected"),
    @JsonSubTypes.Type(value = SessionEvent.Tls.class, name = "tls"),
    @JsonSubTypes.Type(value = SessionEvent.Line.class, name = "line"),
    @JsonSubTypes.Type(value = SessionEvent.Literal.class, name = "literal"),
    @JsonSubTypes.Type(value = SessionEvent.Body.class, name = "body"),
    @JsonSubTypes.Type(value = SessionEvent.Notice.class, name = "notice"),
    @JsonSubTypes.Type(value = SessionEvent.Complete.class, name = "complete"),
    @JsonSubTypes.Type(value = SessionEvent.Closed.class, name = "closed"),
    @JsonSubTypes.Type(value = SessionEvent.Error.class, name = "error"),
    @JsonSubTypes.Type(value = SessionEvent.Pong.class, name = "pong")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface SessionEvent {

    /**
     * Characters of text this event carries into a transcript (what recording and its limits
     * count); -1 for events a transcript does not keep as a line.
     */
    static int recordedChars(SessionEvent event) {
        return switch (event) {
            case Line line -> line.text().length();
            case Literal literal -> literal.text().length();
            case Body body -> body.description().length();
            case Notice notice -> notice.text().length();
            case Error error -> error.message().length();
            case Tls tls -> 100;
            case Connected connected -> -1;
            case Complete complete -> -1;
            case Closed closed -> -1;
            case Pong pong -> -1;
        };
    }

    record Connected(String session, String protocol, String remote, String host, String tls) implements SessionEvent {
    }

    record Peer(String subject, String issuer, String notAfter) {
    }

    record Tls(String protocol, String cipher, Peer peer, boolean verified, String trust, boolean upgraded,
            long afterSeq) implements SessionEvent {

        static Tls of(TlsFacts facts, boolean upgraded, long afterSeq) {
            return new Tls(facts.protocol(), facts.cipher(), new Peer(facts.subject(), facts.issuer(), facts.notAfter()),
                    facts.verified(), facts.trust(), upgraded, afterSeq);
        }
    }

    /**
     * @param redacted the line with its secrets masked, when it has any: what transcripts, exports
     *                 and any second viewer get; the learner's own console may show {@code text}
     */
    record Line(String dir, String text, long seq, Instant at, String terminator, boolean secure,
            Annotation annotation, String redacted) implements SessionEvent {
    }

    record Literal(String dir, long octets, String text, boolean truncated, long seq, Instant at, boolean secure)
            implements SessionEvent {
    }

    record Body(String contentType, long octets, String description, long seq, Instant at) implements SessionEvent {
    }

    /**
     * @param kind null for a plain notice; {@code recording-stopped} when the transcript reached its
     *             limit and keeps nothing after this notice
     */
    record Notice(String text, Instant at, String kind) implements SessionEvent {

        public static final String RECORDING_STOPPED = "recording-stopped";

        public Notice(String text, Instant at) {
            this(text, at, null);
        }

        static Notice recordingStopped(String text, Instant at) {
            return new Notice(text, at, RECORDING_STOPPED);
        }

        public boolean stopsRecording() {
            return RECORDING_STOPPED.equals(kind);
        }
    }

    record Complete(long seq, String status, long elapsedMicros) implements SessionEvent {
    }

    record Closed(String by, String reason) implements SessionEvent {
    }

    record Error(String code, String message) implements SessionEvent {
    }

    record Pong() implements SessionEvent {
    }
}

package dev.parley.transcript;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Terminator;
import dev.parley.session.ConversationInfo;
import dev.parley.session.SessionEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One conversation being recorded: the metadata so far and the lines not yet written. Only the
 * recorder's drainer touches it, so it needs no locking. It keeps the redacted text of a line
 * whenever the dialect gave one: the clear text of a secret never enters a transcript.
 */
final class Recording {

    private final String id;
    private final ConversationInfo info;
    private final List<TranscriptLine> unwritten = new ArrayList<>();
    private int count;
    private String remote;
    private Instant ended;
    private Closing closed;
    private String lastError;
    private boolean stored;
    private boolean dirty = true;

    Recording(String id, ConversationInfo info) {
        this.id = id;
        this.info = info;
    }

    void apply(SessionEvent event) {
        switch (event) {
            case SessionEvent.Connected c -> {
                remote = c.remote();
                dirty = true;
            }
            case SessionEvent.Tls t -> add(null, Instant.now(), new TlsMarker(t.upgraded() ? "starttls" : "implicit",
                    t.protocol(), t.cipher(), t.verified(), t.peer() == null ? null : t.peer().subject()).toString(),
                    Terminator.CRLF, false, LineKind.TLS);
            case SessionEvent.Line l -> add(Direction.valueOf(l.dir()), l.at(), l.redacted() != null ? l.redacted()
                    : l.text(), Terminator.valueOf(l.terminator()), l.secure(), LineKind.LINE);
            case SessionEvent.Literal l -> add(Direction.valueOf(l.dir()), l.at(), l.text(), Terminator.NONE,
                    l.secure(), LineKind.LITERAL);
            case SessionEvent.Body b -> add(Direction.S, b.at(), b.description(), Terminator.NONE, false, LineKind.BODY);
            case SessionEvent.Notice n -> add(null, n.at(), n.text(), Terminator.NONE, false, LineKind.NOTE);
            case SessionEvent.Error e -> {
                lastError = e.message();
                add(null, Instant.now(), "error " + e.code() + ": " + e.message(), Terminator.NONE, false,
                        LineKind.NOTE);
            }
            case SessionEvent.Closed c -> {
                closed = new Closing(c.by(), c.reason());
                dirty = true;
            }
            default -> {
            }
        }
    }

    void end() {
        ended = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (closed == null) {
            closed = lastError != null ? new Closing("error", lastError) : new Closing("client", null);
        }
        dirty = true;
    }

    boolean ended() {
        return ended != null;
    }

    boolean needsWrite() {
        return dirty || !unwritten.isEmpty();
    }

    /** Writes what changed since the last call; on failure everything stays to be written next time. */
    void writeTo(TranscriptStore store) {
        List<TranscriptLine> batch = List.copyOf(unwritten);
        store.append(meta(), !stored, batch, count);
        stored = true;
        dirty = false;
        unwritten.subList(0, batch.size()).clear();
    }

    TranscriptMeta meta() {
        HostPort target;
        try {
            target = new HostPort(info.host(), info.port());
        } catch (IllegalArgumentException e) {
            target = null;
        }
        return new TranscriptMeta(id, info.protocol(), info.origin(), target, remote,
                info.startedAt().truncatedTo(ChronoUnit.MICROS), ended, closed);
    }

    private void add(Direction direction, Instant at, String text, Terminator terminator, boolean secure,
            LineKind kind) {
        String bounded = text == null ? "" : text.length() > TranscriptText.MAX_LINE_CHARS
                ? text.substring(0, TranscriptText.MAX_LINE_CHARS) : text;
        unwritten.add(new TranscriptLine(++count, direction, at == null ? null : at.truncatedTo(ChronoUnit.MICROS),
                bounded, terminator, secure, kind));
    }
}

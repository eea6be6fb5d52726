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
    private long unwrittenChars;
    private int count;
    /** The transcript reached its limit ({@code recording-stopped} notice): nothing more is kept. */
    private boolean full;
    /** The database refused this transcript: it is not written any more. */
    private boolean abandoned;
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
        if (full && !(event instanceof SessionEvent.Closed)) {
            return;
        }
        switch (event) {
            case SessionEvent.Connected c -> {
                remote = c.remote();
                dirty = true;
            }
            case SessionEvent.Tls t -> add(null, Instant.now(), new TlsMarker(t.upgraded() ? "starttls" : "implicit",
                    t.protocol(), t.cipher(), t.verified(), t.peer() == null ? null : t.peer().subject()).toString(),
                    Terminator.CRLF, false, LineKind.TLS);
            case SessionEvent.Line l -> add(Direction.valueOf(l.dir()), l.at(), l.redacted() != null ? l.redacted()
                    : l.text(), Terminator.valueOf(l.terminator()), l.secure(), LineKind.LINE, l.seq());
            case SessionEvent.Literal l -> add(Direction.valueOf(l.dir()), l.at(), l.text(), Terminator.NONE,
                    l.secure(), LineKind.LITERAL, l.seq());
            case SessionEvent.Body b -> add(Direction.S, b.at(), b.description(), Terminator.NONE, false, LineKind.BODY,
                    b.seq());
            case SessionEvent.Notice n -> {
                add(null, n.at(), n.text(), Terminator.NONE, false, LineKind.NOTE);
                full = n.stopsRecording();
            }
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
        return !abandoned && (dirty || !unwritten.isEmpty());
    }

    /** Characters of lines not yet written: what this recording holds in memory. */
    long unwrittenChars() {
        return unwrittenChars;
    }

    /** Some events of this conversation were dropped before they reached it (the recorder was full). */
    void lost(long events) {
        add(null, Instant.now(), String.format(java.util.Locale.ROOT, "%,d event%s of this conversation could not be"
                + " recorded: the transcript store fell behind.", events, events == 1 ? "" : "s"), Terminator.NONE,
                false, LineKind.NOTE);
    }

    /** The database refused this transcript for good: forget its lines, write nothing more of it. */
    void abandon() {
        abandoned = true;
        unwritten.clear();
        unwrittenChars = 0;
    }

    /**
     * Writes what changed since the last call. On failure everything stays to be written next
     * time; the recorder decides whether there is a next time.
     *
     * @return the characters written (no longer held in memory)
     */
    long writeTo(TranscriptStore store) {
        store.appendAll(List.of(pending()));
        return written();
    }

    /** What this recording would write now (for a batch with others); {@link #written()} once it is stored. */
    TranscriptStore.Append pending() {
        return new TranscriptStore.Append(meta(), info.owner(), !stored, List.copyOf(unwritten), count);
    }

    /**
     * The pending batch was stored: forget it. Only the drainer touches a recording, so nothing was
     * added between {@link #pending()} and this call.
     *
     * @return the characters written (no longer held in memory)
     */
    long written() {
        stored = true;
        dirty = false;
        unwritten.clear();
        long written = unwrittenChars;
        unwrittenChars = 0;
        return written;
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
        add(direction, at, text, terminator, secure, kind, 0);
    }

    private void add(Direction direction, Instant at, String text, Terminator terminator, boolean secure,
            LineKind kind, long eventSeq) {
        String bounded = text == null ? "" : text.length() > TranscriptText.MAX_LINE_CHARS
                ? text.substring(0, TranscriptText.MAX_LINE_CHARS) : text;
        if (abandoned) {
            return;
        }
        unwrittenChars += bounded.length();
        unwritten.add(new TranscriptLine(++count, direction, at == null ? null : at.truncatedTo(ChronoUnit.MICROS),
                bounded, terminator, secure, kind, eventSeq));
    }
}

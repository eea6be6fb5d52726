package dev.parley.transcript;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Terminator;
import dev.parley.session.ConversationInfo;
import dev.parley.session.SessionEvent;
import java.time.Duration;
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

    /**
     * How often a live transcript's header gets its new counts ({@code line_count},
     * {@code stored_chars}): updating it on every batch was a fifth of the recorder's rows under
     * load. Its metadata (remote, closed, ended) is written as soon as it changes, and everything on
     * {@link TranscriptRecorder#flush()} and at shutdown.
     */
    static final Duration HEADER_EVERY = Duration.ofSeconds(2);

    private final String id;
    private final ConversationInfo info;
    private final List<TranscriptLine> unwritten = new ArrayList<>();
    private long unwrittenChars;
    private int count;
    /** Characters of text of every line kept so far: what the transcript holds against the storage quota. */
    private long keptChars;
    /** The transcript reached its limit ({@code recording-stopped} notice): nothing more is kept. */
    private boolean full;
    /** The database refused this transcript: it is not written any more. */
    private boolean abandoned;
    private String remote;
    private Instant ended;
    private Closing closed;
    private String lastError;
    /** The transcript's number in the database; 0 until its header is stored. */
    private long num;
    /** Metadata changed since the header was written. */
    private boolean dirty = true;
    /** Lines were kept since the header's counts were written. */
    private boolean countsChanged;
    private long headerWrittenNanos;

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

    /** True when there is something to write now: new lines, or a header that is new, changed or due. */
    boolean needsWrite(long nowNanos, boolean force) {
        return !abandoned && (!unwritten.isEmpty() || headerDue(nowNanos, force));
    }

    private boolean headerDue(long nowNanos, boolean force) {
        return num == 0 || dirty
                || (countsChanged && (force || nowNanos - headerWrittenNanos >= HEADER_EVERY.toNanos()));
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
    long writeTo(TranscriptStore store, long nowNanos, boolean force) {
        TranscriptStore.Append append = pending(nowNanos, force);
        return written(append, store.appendAll(List.of(append))[0], nowNanos);
    }

    /** What this recording would write now (for a batch with others); {@link #written} once it is stored. */
    TranscriptStore.Append pending(long nowNanos, boolean force) {
        return new TranscriptStore.Append(meta(), info.owner(), num, headerDue(nowNanos, force),
                List.copyOf(unwritten), count, keptChars);
    }

    /**
     * The pending batch was stored under transcript number {@code storedNum}: forget it. Only the
     * drainer touches a recording, so nothing was added between {@link #pending} and this call.
     *
     * @return the characters written (no longer held in memory)
     */
    long written(TranscriptStore.Append append, long storedNum, long nowNanos) {
        num = storedNum;
        if (append.header() || append.num() == 0) {
            dirty = false;
            countsChanged = false;
            headerWrittenNanos = nowNanos;
        }
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
        keptChars += bounded.length();
        countsChanged = true;
        unwritten.add(new TranscriptLine(++count, direction, at == null ? null : at.truncatedTo(ChronoUnit.MICROS),
                bounded, terminator, secure, kind, eventSeq));
    }
}

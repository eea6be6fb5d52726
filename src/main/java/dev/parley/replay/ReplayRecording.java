package dev.parley.replay;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Terminator;
import dev.parley.session.SessionEvent;
import dev.parley.transcript.Closing;
import dev.parley.transcript.HostPort;
import dev.parley.transcript.LineKind;
import dev.parley.transcript.TlsMarker;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptLine;
import dev.parley.transcript.TranscriptMeta;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happened during one replay, kept in memory from the events the replay took, so that the
 * report can show it as a transcript and a ladder can mark the step that failed (the line numbers
 * of each step are known here). The stored copy is the transcript recorder's business; both see
 * the same events, masked the same way. It keeps at most {@code maxChars} characters of text, so
 * a flooding server cannot grow a replay without bound: past it {@link #full()} is true, the
 * replay stops, and what still comes is counted, not kept.
 */
final class ReplayRecording {

    private final long maxChars;
    private final List<TranscriptLine> lines = new ArrayList<>();
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private long chars;
    private long dropped;
    private String remote;
    private Closing closed;

    ReplayRecording(long maxChars) {
        this.maxChars = maxChars;
    }

    void add(SessionEvent event) {
        switch (event) {
            case SessionEvent.Connected c -> remote = c.remote();
            case SessionEvent.Tls t -> add(null, null, new TlsMarker(t.upgraded() ? "starttls" : "implicit", t.protocol(),
                    t.cipher(), t.verified(), t.peer() == null ? null : t.peer().subject()).toString(), Terminator.NONE,
                    false, LineKind.TLS);
            case SessionEvent.Line l -> add(Direction.valueOf(l.dir()), l.at(), ReplayConversation.shown(l),
                    Terminator.valueOf(l.terminator()), l.secure(), LineKind.LINE);
            case SessionEvent.Literal l -> add(Direction.valueOf(l.dir()), l.at(), l.text(), Terminator.NONE, l.secure(),
                    LineKind.LITERAL);
            case SessionEvent.Body b -> add(Direction.S, b.at(), b.description(), Terminator.NONE, false, LineKind.BODY);
            case SessionEvent.Notice n -> add(null, n.at(), n.text(), Terminator.NONE, false, LineKind.NOTE);
            case SessionEvent.Error e -> add(null, null, "error " + e.code() + ": " + e.message(), Terminator.NONE, false,
                    LineKind.NOTE);
            case SessionEvent.Closed c -> closed = new Closing(c.by(), c.reason());
            case SessionEvent.Complete c -> {
            }
            case SessionEvent.Pong p -> {
            }
        }
    }

    /** A note of the replay's own (why it stopped), in place. */
    void note(String text) {
        add(null, null, text, Terminator.NONE, false, LineKind.NOTE);
    }

    /** How many lines so far: a step's lines are those added between two calls. */
    int size() {
        return lines.size();
    }

    boolean full() {
        return chars > maxChars;
    }

    long maxChars() {
        return maxChars;
    }

    Transcript transcript(String id, ReplayTarget target) {
        HostPort where;
        try {
            where = new HostPort(target.host(), target.port());
        } catch (IllegalArgumentException e) {
            where = null;
        }
        Closing closing = closed != null ? closed : new Closing("client", "The replay was over.");
        List<TranscriptLine> kept = lines;
        if (dropped > 0) {
            kept = new ArrayList<>(lines);
            kept.add(new TranscriptLine(kept.size() + 1, null, null, String.format(Locale.ROOT, "%,d more lines were not"
                    + " kept: this replay reached the most it keeps (%,d characters, parley.replay.max-recorded)",
                    dropped, maxChars), Terminator.NONE, false, LineKind.NOTE));
        }
        return new Transcript(new TranscriptMeta(id, target.protocol(), "replay", where, remote, started,
                Instant.now().truncatedTo(ChronoUnit.MICROS), closing), kept);
    }

    private void add(Direction direction, Instant at, String text, Terminator terminator, boolean secure,
            LineKind kind) {
        if (full()) {
            dropped++;
            return;
        }
        String t = text == null ? "" : text;
        chars += t.length();
        lines.add(new TranscriptLine(lines.size() + 1, direction, at == null ? null : at.truncatedTo(ChronoUnit.MICROS),
                t, terminator, secure, kind));
    }
}

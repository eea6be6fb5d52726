package dev.parley.transcript;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Terminator;
import java.time.Instant;
import java.util.Objects;

/**
 * One immutable entry of a transcript. {@code text} is always what may be shown to anyone: the
 * redacted text when the line carried a secret (masking happened at capture, in the dialect).
 *
 * @param seq        position in the transcript, from 1
 * @param direction  C or S for traffic and bodies; null for notes and TLS markers
 * @param at         when it happened; null when unknown (a transcript imported from text)
 * @param terminator the line's real end on the wire (CRLF, a flagged bare LF, or none)
 * @param secure     true when the line travelled inside TLS
 * @param eventSeq   the sequence number the line had as a live event (what a follow view's catch-up
 *                   is matched on); 0 when it had none (notes, imports)
 */
public record TranscriptLine(int seq, Direction direction, Instant at, String text, Terminator terminator,
        boolean secure, LineKind kind, long eventSeq) {

    /** An entry that was never a live event (or whose event number does not matter). */
    public TranscriptLine(int seq, Direction direction, Instant at, String text, Terminator terminator, boolean secure,
            LineKind kind) {
        this(seq, direction, at, text, terminator, secure, kind, 0);
    }

    public TranscriptLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(terminator, "terminator");
        Objects.requireNonNull(kind, "kind");
        if ((kind == LineKind.LINE || kind == LineKind.LITERAL) && direction == null) {
            throw new IllegalArgumentException("a line of traffic needs a direction");
        }
    }

    /** The same entry at another position. */
    public TranscriptLine at(int newSeq) {
        return new TranscriptLine(newSeq, direction, at, text, terminator, secure, kind, eventSeq);
    }

    public boolean traffic() {
        return kind == LineKind.LINE || kind == LineKind.LITERAL;
    }
}

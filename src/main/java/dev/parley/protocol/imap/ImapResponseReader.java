package dev.parley.protocol.imap;

import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.LineBuffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Frames what an IMAP server sends (RFC 9051 §2.2.2, §4.3): lines, except that a line ending in
 * {@code {n}} is followed by exactly {@code n} octets read by count (a literal), after which the
 * SAME response goes on with another line fragment (which may end in a literal again). Pull-style:
 * the dialect asks for one {@link Frame} at a time, so it can stop and {@link #discard()} the rest
 * of the buffer the moment STARTTLS is accepted.
 */
final class ImapResponseReader {

    /** The framer's state: reading a line, or reading the octets of a literal. */
    enum State {
        LINE,
        LITERAL
    }

    /** One framed piece of server traffic. */
    sealed interface Frame {
    }

    /**
     * A line. {@code continuation}: the line goes on a response whose earlier part ended in a
     * literal (e.g. the {@code )} after a message body). {@code literal}: what the line ends with,
     * when it ends in braces (a valid announcement or a problem); null otherwise.
     */
    record Line(LineBuffer.RawLine line, boolean continuation, ImapLiteral literal) implements Frame {
    }

    /**
     * A literal, read by count: {@code octets} received, {@code text} the part shown;
     * {@code missing}: octets announced that never came (the connection ended), normally 0.
     */
    record LiteralData(long octets, String text, boolean truncated, long missing) implements Frame {
    }

    /** A framing limit was crossed; nothing more is read. */
    record Limit(String message) implements Frame {
    }

    private final LineBuffer buffer;
    private final FramingLimits limits;
    private State state = State.LINE;
    private boolean continuation;
    private long literalRemaining;
    private long literalOctets;
    private long responseOctets;
    private ByteArrayOutputStream shown;
    private boolean stopped;
    /** A limit crossed by the line just returned: reported right after it, then nothing more. */
    private String pendingLimit;

    ImapResponseReader(FramingLimits limits) {
        this.limits = limits;
        this.buffer = new LineBuffer(limits.maxLineOctets());
    }

    void append(byte[] bytes, int offset, int length) {
        if (!stopped) {
            buffer.append(bytes, offset, length);
        }
    }

    /** The next complete frame, or null when more bytes are needed. */
    Frame next() {
        if (stopped) {
            return null;
        }
        if (pendingLimit != null) {
            return stop(pendingLimit);
        }
        return state == State.LINE ? nextLine() : nextLiteralChunk();
    }

    /** Drops everything buffered (bytes pipelined after a STARTTLS go-ahead) and starts afresh. */
    int discard() {
        state = State.LINE;
        continuation = false;
        return buffer.clear();
    }

    /**
     * The connection ended: what is left, as a last line without terminator, or a literal cut
     * short. Null when nothing is pending.
     */
    Frame rest() {
        if (stopped) {
            return null;
        }
        if (state == State.LITERAL) {
            byte[] tail = buffer.take(literalRemaining);
            keep(tail);
            long received = literalOctets - literalRemaining + tail.length;
            state = State.LINE;
            return new LiteralData(received, shownText(received), received > shown.size(),
                    literalRemaining - tail.length);
        }
        LineBuffer.RawLine last = buffer.rest();
        return last == null ? null : new Line(last, continuation, null);
    }

    private Frame nextLine() {
        LineBuffer.LineResult result = buffer.nextLine();
        if (result.needMore()) {
            return null;
        }
        if (result.overlong() != null) {
            return stop(result.overlong());
        }
        LineBuffer.RawLine line = result.line();
        boolean wasContinuation = continuation;
        if (!wasContinuation) {
            responseOctets = 0;
        }
        responseOctets += line.octets();
        ImapLiteral literal = ImapLiteral.at(line.text());
        if (literal != null && literal.valid()) {
            if (literal.tooLarge() || literal.octets() > limits.maxAnswerOctets()
                    || responseOctets + literal.octets() > limits.maxAnswerOctets()) {
                pendingLimit = String.format(Locale.ROOT,
                        "The server announced a literal of %s octets (this response so far: %,d octets), over the"
                                + " %,d-octet limit for one answer.",
                        literal.tooLarge() ? "more than 10^18" : String.format(Locale.ROOT, "%,d", literal.octets()),
                        responseOctets, limits.maxAnswerOctets());
                return new Line(line, wasContinuation, literal);
            }
            responseOctets += literal.octets();
            state = State.LITERAL;
            literalOctets = literal.octets();
            literalRemaining = literal.octets();
            shown = new ByteArrayOutputStream((int) Math.min(literalOctets, 8192));
            continuation = true;
        } else {
            continuation = false;
        }
        return new Line(line, wasContinuation, literal);
    }

    private Frame nextLiteralChunk() {
        if (literalRemaining > 0) {
            byte[] chunk = buffer.take(literalRemaining);
            literalRemaining -= chunk.length;
            keep(chunk);
            if (literalRemaining > 0) {
                return null;
            }
        }
        state = State.LINE;
        return new LiteralData(literalOctets, shownText(literalOctets), literalOctets > shown.size(), 0);
    }

    private void keep(byte[] chunk) {
        int room = limits.maxShownOctetsPerAnswer() - shown.size();
        if (room > 0) {
            shown.write(chunk, 0, Math.min(room, chunk.length));
        }
    }

    /** The kept octets as text; when cut, the cut moves back so no UTF-8 character is split. */
    private String shownText(long total) {
        byte[] kept = shown.toByteArray();
        int length = kept.length;
        if (total > length) {
            int lead = length - 1;
            while (lead > 0 && lead > length - 4 && (kept[lead] & 0xC0) == 0x80) {
                lead--;
            }
            if (lead >= 0 && (kept[lead] & 0xC0) == 0xC0) {
                int b = kept[lead] & 0xFF;
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (length - lead < needed) {
                    length = lead;
                }
            }
        }
        return new String(kept, 0, length, StandardCharsets.UTF_8);
    }

    private Frame stop(String message) {
        stopped = true;
        buffer.clear();
        return new Limit(message);
    }
}

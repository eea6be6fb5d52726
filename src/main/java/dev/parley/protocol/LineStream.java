package dev.parley.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The server side of a dialect whose answers are plain lines (SMTP, POP3): frames the bytes with a
 * {@link LineBuffer}, hands each complete line to the dialect, and stops for good at the first
 * framing limit crossed — after a {@code LimitExceeded} nothing more is read.
 */
public final class LineStream {

    /** What the dialect does with one framed line. */
    @FunctionalInterface
    public interface LineReader {
        void line(LineBuffer.RawLine line, List<DialectEvent> events);
    }

    private final LineBuffer buffer;
    private boolean stopped;

    public LineStream(int maxLineOctets) {
        this.buffer = new LineBuffer(maxLineOctets);
    }

    /** Bytes from the server: every complete line goes to {@code reader}, in order. */
    public List<DialectEvent> read(byte[] bytes, int offset, int length, LineReader reader) {
        List<DialectEvent> events = new ArrayList<>();
        if (stopped) {
            return events;
        }
        buffer.append(bytes, offset, length);
        while (!stopped) {
            LineBuffer.LineResult result = buffer.nextLine();
            if (result.needMore()) {
                break;
            }
            if (result.overlong() != null) {
                stop(events, result.overlong());
                break;
            }
            reader.line(result.line(), events);
        }
        return events;
    }

    /**
     * The server closed: a partial last line still goes to {@code reader} (with no terminator).
     * Returns true when the dialect should now conclude the answer it was reading (it had not
     * stopped on a limit); either way the stream is stopped afterwards.
     */
    public boolean end(LineReader reader, List<DialectEvent> events) {
        if (stopped) {
            return false;
        }
        LineBuffer.RawLine rest = buffer.rest();
        if (rest != null) {
            reader.line(rest, events);
        }
        boolean conclude = !stopped;
        stopped = true;
        return conclude;
    }

    /** A limit was crossed: the session must end, and nothing more is read. */
    public void stop(List<DialectEvent> events, String message) {
        stopped = true;
        buffer.clear();
        events.add(new DialectEvent.LimitExceeded(message));
    }

    /** Drops what is buffered (plaintext after a STARTTLS go-ahead) and says how many octets that was. */
    public int discard() {
        return buffer.clear();
    }
}

package dev.parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte framer the dialects build on: collects bytes as they arrive and hands out whole lines
 * (with the terminator they really had) or exact octet counts (IMAP literals, HTTP bodies). Like
 * Netty's {@code LineBasedFrameDecoder}, a line longer than the limit is an error value, not a
 * crash and not an unbounded buffer.
 *
 * <p>Framing is linear in the bytes received, however they are split: the search for the next LF
 * resumes where the previous search stopped ({@link #scanned}), so a long line fed a few bytes at a
 * time is scanned once, not once per read (like Netty's {@code offset} in its line decoder).
 */
public final class LineBuffer {

    /** A framed line: its text without terminator, the terminator, and its size on the wire. */
    public record RawLine(String text, Terminator terminator, int octets) {
    }

    /** What {@link #nextLine()} found. Exactly one of {@code line} and {@code overlong} is set, or neither (need more bytes). */
    public record LineResult(RawLine line, String overlong) {
        static final LineResult NEED_MORE = new LineResult(null, null);

        public boolean needMore() {
            return line == null && overlong == null;
        }
    }

    private static final int INITIAL_CAPACITY = 256;

    private final int maxLineOctets;
    /**
     * Grows with what is buffered at once (doubling); starts small because most sessions only
     * ever hold a short reply or two, and every idle session keeps its buffer (issue #8: memory
     * follows the traffic in flight).
     */
    private byte[] data = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    /** Bytes from {@link #start} up to here hold no LF: the next search starts here. */
    private int scanned;
    /** Every byte examined in the search for LF, ever; package-private so a test can prove framing linear. */
    long scannedBytes;

    public LineBuffer(int maxLineOctets) {
        this.maxLineOctets = maxLineOctets;
    }

    public void append(byte[] buffer, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(buffer, offset, data, end, length);
        end += length;
    }

    /** Octets buffered and not yet taken. */
    public int available() {
        return end - start;
    }

    /**
     * The next complete line, if one is buffered. A line ends at LF; a CR right before it makes
     * the terminator CRLF, otherwise it is recorded as a bare LF.
     */
    public LineResult nextLine() {
        int from = Math.max(start, scanned);
        int lf = indexOfLf(from);
        scannedBytes += (lf < 0 ? end : lf + 1) - from;
        if (lf < 0) {
            scanned = end;
            return end - start > maxLineOctets ? overlong(end - start) : LineResult.NEED_MORE;
        }
        int lineEnd = lf;
        Terminator terminator = Terminator.LF;
        if (lineEnd > start && data[lineEnd - 1] == '\r') {
            lineEnd--;
            terminator = Terminator.CRLF;
        }
        int length = lineEnd - start;
        if (length > maxLineOctets) {
            return overlong(length);
        }
        String text = new String(data, start, length, StandardCharsets.UTF_8);
        int octets = lf + 1 - start;
        start = lf + 1;
        scanned = start;
        compactIfEmpty();
        return new LineResult(new RawLine(text, terminator, octets), null);
    }

    private int indexOfLf(int from) {
        for (int i = from; i < end; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whatever is buffered, as a last line without terminator (the connection ended mid-line). */
    public RawLine rest() {
        if (available() == 0) {
            return null;
        }
        int length = Math.min(available(), maxLineOctets);
        String text = new String(data, start, length, StandardCharsets.UTF_8);
        int octets = available();
        clear();
        return new RawLine(text, Terminator.NONE, octets);
    }

    /** Up to {@code max} buffered octets, removed from the buffer. */
    public byte[] take(long max) {
        int n = (int) Math.min(max, available());
        byte[] out = Arrays.copyOfRange(data, start, start + n);
        start += n;
        scanned = Math.max(scanned, start);
        compactIfEmpty();
        return out;
    }

    /** Drops everything buffered and says how much that was (plaintext before a TLS handshake). */
    public int clear() {
        int dropped = available();
        start = 0;
        end = 0;
        scanned = 0;
        return dropped;
    }

    private LineResult overlong(int length) {
        clear();
        return new LineResult(null, String.format(java.util.Locale.ROOT,
                "The server sent a line of %,d octets or more, over the %,d-octet limit.", length, maxLineOctets));
    }

    private void compactIfEmpty() {
        if (start == end) {
            start = 0;
            end = 0;
            scanned = 0;
        }
    }

    private void ensureRoom(int length) {
        if (end + length <= data.length) {
            return;
        }
        int live = end - start;
        if (live + length <= data.length && start > 0) {
            System.arraycopy(data, start, data, 0, live);
        } else {
            byte[] bigger = new byte[Math.max(data.length * 2, live + length)];
            System.arraycopy(data, start, bigger, 0, live);
            data = bigger;
        }
        scanned -= start;
        start = 0;
        end = live;
    }
}

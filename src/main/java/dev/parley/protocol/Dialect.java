package dev.parley.protocol;

import java.util.List;

/**
 * How one protocol frames traffic: how the client's typed lines become bytes (IMAP tags, SMTP
 * dot-stuffing) and when the server's bytes make a complete answer. Pure and single-threaded:
 * no sockets, no clocks, no Spring. One instance serves one connection; the session calls it from
 * the reader thread for {@link #read} and under its own lock for {@link #write}.
 */
public interface Dialect {

    Protocol protocol();

    /**
     * Bytes read from the server, in arrival order; split anywhere. Returns the events they
     * complete (possibly none, when the bytes end mid-line).
     */
    List<DialectEvent> read(byte[] buffer, int offset, int length);

    /** The server closed the connection: flush what is buffered (an HTTP body read until close, a partial line). */
    List<DialectEvent> endOfInput();

    /** A line the user typed, without CRLF. {@code raw}: send exactly as typed (no IMAP tag). */
    ClientWrite write(String line, boolean raw);

    /** A whole body at once: an SMTP message after {@code 354}, or an HTTP request body. */
    ClientWrite payload(String text);

    /**
     * True while the client must wait before writing: an IMAP literal waits for the server's
     * {@code +}, and nothing may follow STARTTLS until the server has answered it. The session
     * queues what the user types meanwhile and offers it again once this turns false.
     */
    default boolean holdsClientInput() {
        return false;
    }

    /**
     * True when an answer ends only by silence ({@code raw}): the session then calls
     * {@link #quiet()} after the configured quiet time without new bytes.
     */
    default boolean completesOnQuiet() {
        return false;
    }

    /** No bytes arrived for the quiet time; see {@link #completesOnQuiet()}. */
    default List<DialectEvent> quiet() {
        return List.of();
    }
}

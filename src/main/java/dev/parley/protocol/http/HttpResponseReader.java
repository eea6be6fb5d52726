package dev.parley.protocol.http;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.LineBuffer;
import dev.parley.protocol.Status;
import dev.parley.protocol.Terminator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * Reads HTTP/1.1 responses (RFC 9112) from bytes split anywhere: status line, header section,
 * then the body framed as RFC 9112 §6.3 says (none, Content-Length, chunked, or until close).
 * After a complete response the next bytes are the next response (keep-alive, pipelining).
 *
 * <p>Completion: only a final response emits {@link DialectEvent.Complete} (OK for 2xx/3xx,
 * ERROR otherwise), after its whole body. A 1xx interim response such as 100 Continue emits no
 * Complete at all: the session pairs each Complete with one request, and HTTP answers each
 * request with exactly one final response, so an interim Complete would be paired with the
 * wrong request. 101 Switching Protocols (and 2xx to CONNECT) is final: it completes OK, and
 * everything after it is shown as lines, uninterpreted, until the server closes.
 *
 * <p>Malformed input is shown, not thrown: a status line that is not {@code HTTP/x.y NNN reason}
 * (an HTTP/0.9 reply, another protocol) is flagged, and the rest is shown as lines until the
 * server closes, completing ERROR. A bad chunk size or chunk overrun ends the response with
 * ERROR at once, and what follows is shown as lines until close, since its framing is lost.
 */
final class HttpResponseReader {

    /** Where in a response the next bytes belong. */
    enum State {
        STATUS_LINE,
        HEADERS,
        BODY_BY_LENGTH,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_DATA_END,
        TRAILERS,
        UNTIL_CLOSE,
        /** After a limit was crossed or the input ended: nothing more is read. */
        STOPPED
    }

    private final FramingLimits limits;
    private final LineBuffer buffer;
    private final Queue<String> methods;
    private final HttpHeadLines headLines = new HttpHeadLines();
    private State state = State.STATUS_LINE;
    private HttpResponseHead head;
    private HttpBodyView body;
    private long answerOctets;
    private long remaining;
    /** How an until-close body completes when the server closes; null: it does not (tunnel, lost framing). */
    private Status atClose;

    /** @param methods methods of the requests sent and not yet answered, oldest first (shared with the writer) */
    HttpResponseReader(FramingLimits limits, Queue<String> methods) {
        this.limits = limits;
        this.buffer = new LineBuffer(limits.maxLineOctets());
        this.methods = methods;
    }

    List<DialectEvent> read(byte[] bytes, int offset, int length) {
        List<DialectEvent> out = new ArrayList<>();
        if (state == State.STOPPED) {
            return out;
        }
        buffer.append(bytes, offset, length);
        while (state != State.STOPPED && step(out)) {
            // each step consumes one line or one run of body octets
        }
        return out;
    }

    List<DialectEvent> endOfInput() {
        List<DialectEvent> out = new ArrayList<>();
        switch (state) {
            case STOPPED -> {
                return out;
            }
            case UNTIL_CLOSE -> {
                body.finish(out);
                if (atClose != null) {
                    out.add(new DialectEvent.Complete(atClose));
                    methods.poll();
                }
            }
            default -> {
                // body states never leave octets buffered, so what is left is a partial line
                LineBuffer.RawLine rest = buffer.rest();
                if (rest != null) {
                    out.add(line(rest, Annotation.malformed("The connection closed in the middle of this line.",
                            "RFC 9112 §8")));
                }
                if (state != State.STATUS_LINE || rest != null) {
                    if (body != null) {
                        body.finish(out);
                    }
                    String due = state == State.BODY_BY_LENGTH
                            ? String.format(Locale.ROOT, " %,d octets of the body were still due.", remaining) : "";
                    out.add(new DialectEvent.Notice("The server closed the connection before the response was"
                            + " complete." + due));
                    out.add(new DialectEvent.Complete(Status.ERROR));
                    methods.poll();
                }
            }
        }
        state = State.STOPPED;
        return out;
    }

    private boolean step(List<DialectEvent> out) {
        return switch (state) {
            case BODY_BY_LENGTH, CHUNK_DATA -> countedOctets(out);
            case UNTIL_CLOSE -> untilClose(out);
            case STOPPED -> false;
            default -> nextLine(out);
        };
    }

    private boolean nextLine(List<DialectEvent> out) {
        LineBuffer.LineResult result = buffer.nextLine();
        if (result.needMore()) {
            return false;
        }
        if (result.overlong() != null) {
            limit(result.overlong(), out);
            return false;
        }
        LineBuffer.RawLine raw = result.line();
        answerOctets += raw.octets();
        if (answerOctets > limits.maxAnswerOctets()) {
            limit(answerLimitMessage(answerOctets), out);
            return false;
        }
        switch (state) {
            case STATUS_LINE -> statusLine(raw, out);
            case HEADERS -> headerLine(raw, out);
            case CHUNK_SIZE -> chunkSize(raw, out);
            case CHUNK_DATA_END -> chunkDataEnd(raw, out);
            case TRAILERS -> trailer(raw, out);
            default -> throw new IllegalStateException("not a line state: " + state);
        }
        return true;
    }

    /** RFC 9112 §4; an empty line before it is skipped (RFC 9112 §2.2). */
    private void statusLine(LineBuffer.RawLine raw, List<DialectEvent> out) {
        if (raw.text().isEmpty()) {
            out.add(line(raw, Annotation.malformed("An empty line where a status line should be; skipped, as a"
                    + " recipient may skip empty lines before a message.", "RFC 9112 §2.2")));
            return;
        }
        HttpStatusLine status = HttpStatusLine.parse(raw.text());
        if (status == null) {
            out.add(line(raw, HttpStatusLine.NOT_A_STATUS_LINE));
            body = HttpBodyView.asLines("Not HTTP framing: shown as a line, uninterpreted.",
                    limits.maxShownOctetsPerAnswer());
            atClose = Status.ERROR;
            state = State.UNTIL_CLOSE;
            return;
        }
        head = new HttpResponseHead(status.code());
        out.add(line(raw, status.annotation(!head.interim())));
        state = State.HEADERS;
    }

    private void headerLine(LineBuffer.RawLine raw, List<DialectEvent> out) {
        if (!raw.text().isEmpty()) {
            out.add(field(raw, headLines.field(raw.text(), head, false)));
            return;
        }
        String method = methods.peek();
        HttpResponseHead.Framing framing = head.interim() ? HttpResponseHead.Framing.NONE : head.framing(method);
        out.add(line(raw, Annotation.data("Empty line: the end of the header section. "
                + HttpHeadLines.framingNote(head, framing, method), "RFC 9112 §6.3")));
        int maxShown = limits.maxShownOctetsPerAnswer();
        if (head.interim()) {
            state = State.STATUS_LINE;
            return;
        }
        Status status = HttpReplies.status(head.code());
        switch (framing) {
            case NONE -> complete(status, out);
            case TUNNEL -> {
                complete(Status.OK, out);
                body = HttpBodyView.asLines("After the switch, the connection speaks another protocol: shown as"
                        + " lines, uninterpreted.", maxShown);
                atClose = null;
                state = State.UNTIL_CLOSE;
            }
            case CHUNKED -> {
                body = HttpBodyView.forBody(head.contentType(), head.contentEncoding(), maxShown);
                state = State.CHUNK_SIZE;
            }
            case LENGTH -> {
                if (answerOctets + head.contentLength() > limits.maxAnswerOctets()) {
                    limit(String.format(Locale.ROOT, "The server announced a body of %,d octets (Content-Length),"
                            + " over the %,d-octet limit for one answer.", head.contentLength(),
                            limits.maxAnswerOctets()), out);
                    return;
                }
                body = HttpBodyView.forBody(head.contentType(), head.contentEncoding(), maxShown);
                remaining = head.contentLength();
                if (remaining == 0) {
                    complete(status, out);
                } else {
                    state = State.BODY_BY_LENGTH;
                }
            }
            case CLOSE -> {
                body = HttpBodyView.forBody(head.contentType(), head.contentEncoding(), maxShown);
                atClose = head.contentLengthInvalid() ? Status.ERROR : status;
                state = State.UNTIL_CLOSE;
            }
        }
    }

    /** RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; last-chunk = 1*("0") [ chunk-ext ] CRLF. */
    private void chunkSize(LineBuffer.RawLine raw, List<DialectEvent> out) {
        ChunkSize chunk = ChunkSize.parse(raw.text());
        if (chunk == null) {
            out.add(line(raw, ChunkSize.NOT_A_CHUNK_SIZE));
            broken(out);
            return;
        }
        if (chunk.size() == 0) {
            out.add(line(raw, chunk.annotation()));
            state = State.TRAILERS;
            return;
        }
        if (chunk.size() > limits.maxAnswerOctets() - answerOctets) {
            limit(String.format(Locale.ROOT, "The server announced a chunk of %s octets, over the %,d-octet limit"
                    + " for one answer.", chunk.size() == Long.MAX_VALUE ? "too many"
                    : String.format(Locale.ROOT, "%,d", chunk.size()), limits.maxAnswerOctets()), out);
            return;
        }
        out.add(line(raw, chunk.annotation()));
        remaining = chunk.size();
        state = State.CHUNK_DATA;
    }

    private void chunkDataEnd(LineBuffer.RawLine raw, List<DialectEvent> out) {
        if (!raw.text().isEmpty()) {
            out.add(line(raw, Annotation.malformed("The chunk is longer than its size said: its data must be"
                    + " followed by CRLF. The body cannot be framed past this point, so the response ends here as"
                    + " an error.", "RFC 9112 §7.1")));
            broken(out);
            return;
        }
        if (raw.terminator() != Terminator.CRLF) {
            out.add(line(raw, Annotation.malformed("The chunk data ends with a bare LF instead of CRLF; accepted.",
                    "RFC 9112 §7.1")));
        }
        state = State.CHUNK_SIZE;
    }

    /** RFC 9112 §7.1.2: trailer-section = *( field-line CRLF ), then the final CRLF. */
    private void trailer(LineBuffer.RawLine raw, List<DialectEvent> out) {
        if (!raw.text().isEmpty()) {
            out.add(field(raw, headLines.field(raw.text(), null, true)));
            return;
        }
        out.add(line(raw, Annotation.data("Empty line: the end of the chunked message.", "RFC 9112 §7.1")));
        complete(HttpReplies.status(head.code()), out);
    }

    private boolean countedOctets(List<DialectEvent> out) {
        if (buffer.available() == 0) {
            return false;
        }
        byte[] bytes = buffer.take(remaining);
        remaining -= bytes.length;
        answerOctets += bytes.length;
        body.accept(bytes, out);
        if (remaining > 0) {
            return true;
        }
        if (state == State.CHUNK_DATA) {
            body.endOfChunk(out);
            state = State.CHUNK_DATA_END;
        } else {
            complete(HttpReplies.status(head.code()), out);
        }
        return true;
    }

    private boolean untilClose(List<DialectEvent> out) {
        if (buffer.available() == 0) {
            return false;
        }
        long allowed = limits.maxAnswerOctets() - answerOctets;
        byte[] bytes = buffer.take(allowed);
        answerOctets += bytes.length;
        body.accept(bytes, out);
        if (buffer.available() > 0) {
            limit(answerLimitMessage(answerOctets + 1), out);
        }
        return true;
    }

    /** The framing is lost: end this response as an error and show the rest uninterpreted until close. */
    private void broken(List<DialectEvent> out) {
        complete(Status.ERROR, out);
        body = HttpBodyView.asLines("After broken framing: shown as a line, uninterpreted.",
                limits.maxShownOctetsPerAnswer());
        atClose = null;
        state = State.UNTIL_CLOSE;
    }

    private void complete(Status status, List<DialectEvent> out) {
        if (body != null) {
            body.finish(out);
        }
        out.add(new DialectEvent.Complete(status));
        methods.poll();
        head = null;
        body = null;
        answerOctets = 0;
        remaining = 0;
        state = State.STATUS_LINE;
    }

    private void limit(String message, List<DialectEvent> out) {
        buffer.clear();
        out.add(new DialectEvent.LimitExceeded(message));
        state = State.STOPPED;
    }

    private String answerLimitMessage(long octets) {
        return String.format(Locale.ROOT, "The server's response is %,d octets or more, over the %,d-octet limit"
                + " for one answer.", octets, limits.maxAnswerOctets());
    }

    /** A header or trailer field line, its cookie masked ({@link HttpSecrets}). */
    private static DialectEvent.ServerLine field(LineBuffer.RawLine raw, Annotation annotation) {
        return new DialectEvent.ServerLine(raw.text(), raw.terminator(), annotation,
                HttpSecrets.responseField(raw.text()));
    }

    private static DialectEvent.ServerLine line(LineBuffer.RawLine raw, Annotation annotation) {
        return new DialectEvent.ServerLine(raw.text(), raw.terminator(), annotation);
    }
}

package dev.parley.protocol.http;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.Protocol;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * HTTP/1.1 (RFC 9112 message syntax, RFC 9110 semantics), typed by hand. The client side is
 * {@link HttpRequestWriter}: the request line, the field lines and the empty line are typed one
 * by one, and a body goes with {@link #payload}. The server side is {@link HttpResponseReader}:
 * responses framed by Content-Length, chunked transfer coding or connection close, one after
 * another on a kept-alive connection.
 *
 * <p>The two halves share one thing: the methods of the requests not yet answered, oldest first,
 * because a response to HEAD has no body whatever its header says (RFC 9112 §6.3). The writer
 * runs under the session's lock and the reader on the reader thread, so that queue is concurrent.
 * There is no STARTTLS in HTTP: https is implicit TLS, done by the session before any byte. The
 * {@code raw} flag of {@link #write} changes nothing here: every line is sent as typed anyway.
 */
public final class HttpDialect implements Dialect {

    private final HttpRequestWriter requests;
    private final HttpResponseReader responses;

    public HttpDialect(FramingLimits limits) {
        Queue<String> methods = new ConcurrentLinkedQueue<>();
        this.requests = new HttpRequestWriter(methods);
        this.responses = new HttpResponseReader(limits, methods);
    }

    @Override
    public Protocol protocol() {
        return Protocol.HTTP;
    }

    @Override
    public List<DialectEvent> read(byte[] buffer, int offset, int length) {
        return responses.read(buffer, offset, length);
    }

    @Override
    public List<DialectEvent> endOfInput() {
        return responses.endOfInput();
    }

    @Override
    public ClientWrite write(String line, boolean raw) {
        return requests.write(line);
    }

    @Override
    public ClientWrite payload(String text) {
        return requests.payload(text);
    }
}

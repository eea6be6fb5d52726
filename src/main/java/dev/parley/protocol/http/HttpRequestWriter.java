package dev.parley.protocol.http;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Terminator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * Turns what the learner types into an HTTP/1.1 request (RFC 9112 §2.1): a request line, field
 * lines, an empty line, then the body if the head announced one. A request is answered once it
 * is complete: on the empty line, or on the body when Content-Length &gt; 0 (sent with payload),
 * or on the empty line after the last chunk when it is chunked (typed line by line). A line
 * typed after a complete request starts the next one (keep-alive, pipelining).
 */
final class HttpRequestWriter {

    /** Which part of a request the next typed line is. */
    private enum State {
        REQUEST_LINE,
        HEADERS,
        BODY_BY_LENGTH,
        CHUNKED_BODY
    }

    /** Within a chunked request body (RFC 9112 §7.1). */
    private enum ChunkPart {
        SIZE,
        DATA,
        DATA_END,
        TRAILERS
    }

    private final Queue<String> methods;
    private State state = State.REQUEST_LINE;
    private String version;
    private long declaredLength;
    private boolean chunked;
    private boolean hostSent;
    private ChunkPart chunkPart;
    private long chunkRemaining;

    /** @param methods where each request's method is queued for the response reader (HEAD has no body) */
    HttpRequestWriter(Queue<String> methods) {
        this.methods = methods;
    }

    ClientWrite write(String line) {
        ClientWrite.Reject lineBreak = ClientWrite.lineBreakIn(line);
        if (lineBreak != null) {
            return lineBreak;
        }
        return switch (state) {
            case REQUEST_LINE -> line.isEmpty()
                    ? send(line, Annotation.command(null, "An empty line before a request line; servers ignore it.",
                            "RFC 9112 §2.2"), false)
                    : requestLine(line);
            case HEADERS -> line.isEmpty() ? endOfHead() : header(line);
            case BODY_BY_LENGTH -> new ClientWrite.Reject(String.format(Locale.ROOT, "This request declared"
                    + " Content-Length: %d, so its body comes next: send exactly %,d octets with payload.",
                    declaredLength, declaredLength));
            case CHUNKED_BODY -> chunkLine(line);
        };
    }

    ClientWrite payload(String text) {
        if (state == State.CHUNKED_BODY) {
            return new ClientWrite.Reject("This request's body is chunked: type each chunk's size in hexadecimal,"
                    + " then its data, and end with `0` and an empty line.");
        }
        if (state != State.BODY_BY_LENGTH) {
            return new ClientWrite.Reject("No request body is expected now: declare `Content-Length: N` in the"
                    + " request head and end the head with an empty line, then send the N-octet body.");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != declaredLength) {
            return new ClientWrite.Reject(String.format(Locale.ROOT, "The body is %,d octets (UTF-8) but the head"
                    + " declared Content-Length: %d. The server reads exactly the declared count, so nothing was"
                    + " sent: send a body of exactly %,d octets.", bytes.length, declaredLength, declaredLength));
        }
        state = State.REQUEST_LINE;
        return new ClientWrite.Send(bytes, bodyLines(text), true);
    }

    /** RFC 9112 §3: request-line = method SP request-target SP HTTP-version. */
    private ClientWrite requestLine(String line) {
        String[] parts = line.split(" ", -1);
        version = parts.length == 3 ? parts[2] : null;
        declaredLength = 0;
        chunked = false;
        hostSent = false;
        state = State.HEADERS;
        methods.add(parts[0]);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !version.matches("HTTP/\\d\\.\\d")) {
            return send(line, Annotation.command(parts[0], "A request line is a method, a target and the HTTP"
                    + " version, separated by single spaces, such as `GET / HTTP/1.1`; this one is not. Sent as"
                    + " typed; expect 400 Bad Request.", "RFC 9112 §3"), false);
        }
        HttpCommands.Method method = HttpCommands.method(parts[0]);
        String meaning = method.meaning() + " Target `" + parts[1] + "`; " + versionNote(version);
        return send(line, Annotation.command(parts[0], meaning, method.reference()), false);
    }

    private static String versionNote(String version) {
        return switch (version) {
            case "HTTP/1.1" -> "version HTTP/1.1, so the head must include Host.";
            case "HTTP/1.0" -> "version HTTP/1.0: the server closes the connection after answering.";
            case "HTTP/2.0", "HTTP/3.0" -> "but " + version.substring(0, 6) + " is binary and cannot be typed;"
                    + " expect 505 or a closed connection.";
            default -> "version " + version + ", which the server may not support (505).";
        };
    }

    /** RFC 9112 §5: field-line = field-name ":" OWS field-value OWS. */
    private ClientWrite header(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.substring(0, colon).strip().equals(line.substring(0, colon))) {
            return send(line, Annotation.command(null, "A header line is `Name: value`, with no white space before"
                    + " the colon; this one is not. Sent as typed; expect 400 Bad Request.", "RFC 9112 §5.1"), false,
                    HttpSecrets.requestField(line));
        }
        String name = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        HttpFields.Field field = HttpCommands.header(name);
        String meaning = field.meaning();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "host" -> hostSent = true;
            case "content-length" -> {
                if (value.matches("\\d{1,18}")) {
                    declaredLength = Long.parseLong(value);
                    meaning += declaredLength > 0
                            ? String.format(Locale.ROOT, " After the empty line, send exactly %,d octets with payload.",
                                    declaredLength) : "";
                } else {
                    meaning += " `" + value + "` is not a number of octets; expect 400 Bad Request.";
                }
            }
            case "transfer-encoding" -> {
                chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                meaning += chunked ? " After the empty line, type the body chunk by chunk." : "";
            }
            default -> {
            }
        }
        return send(line, Annotation.command(name, meaning, field.reference()), false, HttpSecrets.requestField(line));
    }

    private ClientWrite endOfHead() {
        String meaning = "Empty line: the end of the request head.";
        if (chunked) {
            state = State.CHUNKED_BODY;
            chunkPart = ChunkPart.SIZE;
            return send("", Annotation.command(null, meaning + " Now type the body in chunks: a size in hexadecimal,"
                    + " the data, and finally `0` and an empty line.", "RFC 9112 §7.1"), false);
        }
        if (declaredLength > 0) {
            state = State.BODY_BY_LENGTH;
            return send("", Annotation.command(null, String.format(Locale.ROOT, "%s Now send the %,d-octet body"
                    + " with payload.", meaning, declaredLength), "RFC 9112 §6.2"), false);
        }
        state = State.REQUEST_LINE;
        meaning += " The request is complete; the server answers now.";
        if ("HTTP/1.1".equals(version) && !hostSent) {
            meaning += " No Host field was sent: an HTTP/1.1 server must answer 400 Bad Request.";
        }
        return send("", Annotation.command(null, meaning, "RFC 9112 §2.1"), true);
    }

    /** A typed line of a chunked request body, RFC 9112 §7.1. */
    private ClientWrite chunkLine(String line) {
        int octets = line.getBytes(StandardCharsets.UTF_8).length;
        switch (chunkPart) {
            case SIZE -> {
                ChunkSize size = ChunkSize.parse(line);
                if (size == null) {
                    return send(line, Annotation.command(null, "Not a chunk size: a chunk starts with its size in"
                            + " hexadecimal. Sent as typed; expect 400 Bad Request.", "RFC 9112 §7.1"), false);
                }
                if (size.size() == 0) {
                    chunkPart = ChunkPart.TRAILERS;
                    return send(line, Annotation.command(null, "Last chunk: the body is complete; trailer fields may"
                            + " follow, then an empty line ends the request.", "RFC 9112 §7.1"), false);
                }
                chunkPart = ChunkPart.DATA;
                chunkRemaining = size.size();
                return send(line, Annotation.command(null, String.format(Locale.ROOT, "Chunk size: %,d octets of"
                        + " data follow.", size.size()) + size.extensionsMeaning(), "RFC 9112 §7.1"), false);
            }
            case DATA -> {
                if (octets == chunkRemaining) {
                    chunkPart = ChunkPart.SIZE;
                    return send(line, Annotation.payload("Chunk data; the CRLF after it ends the chunk."), false);
                }
                if (octets + 2 <= chunkRemaining) {
                    chunkRemaining -= octets + 2;
                    chunkPart = chunkRemaining == 0 ? ChunkPart.DATA_END : ChunkPart.DATA;
                    return send(line, Annotation.payload(String.format(Locale.ROOT, "Chunk data, its CRLF included;"
                            + " %,d octets of this chunk to go.", chunkRemaining)), false);
                }
                chunkPart = ChunkPart.SIZE;
                return send(line, Annotation.payload(String.format(Locale.ROOT, "This line is %,d octets but the"
                        + " chunk has %,d left: the data no longer matches its size; expect 400 Bad Request.",
                        octets, chunkRemaining)), false);
            }
            case DATA_END -> {
                chunkPart = ChunkPart.SIZE;
                return send(line, Annotation.payload(line.isEmpty() ? "The CRLF that ends the chunk."
                        : "The chunk's data is complete and should end with an empty line; expect 400 Bad Request."),
                        false);
            }
            default -> {
                if (!line.isEmpty()) {
                    return send(line, Annotation.command(null, "Trailer field, sent after the body.",
                            "RFC 9112 §7.1.2"), false, HttpSecrets.requestField(line));
                }
                state = State.REQUEST_LINE;
                return send(line, Annotation.command(null, "Empty line: the end of the chunked body; the request is"
                        + " complete and the server answers now.", "RFC 9112 §7.1"), true);
            }
        }
    }

    private static ClientWrite send(String line, Annotation annotation, boolean expectsAnswer) {
        return send(line, annotation, expectsAnswer, null);
    }

    private static ClientWrite send(String line, Annotation annotation, boolean expectsAnswer, String redacted) {
        return ClientWrite.line(line, annotation, expectsAnswer, redacted);
    }

    /** The body as the learner should see it: split on LF, each line with its real terminator. */
    private static List<ClientWrite.ClientLine> bodyLines(String text) {
        List<ClientWrite.ClientLine> lines = new ArrayList<>();
        Annotation annotation = Annotation.payload("Request body, sent as-is: its octets are what Content-Length"
                + " counted.");
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            if (lf < 0) {
                lines.add(new ClientWrite.ClientLine(text.substring(start), Terminator.NONE, annotation));
                break;
            }
            boolean crlf = lf > start && text.charAt(lf - 1) == '\r';
            lines.add(new ClientWrite.ClientLine(text.substring(start, crlf ? lf - 1 : lf),
                    crlf ? Terminator.CRLF : Terminator.LF, annotation));
            start = lf + 1;
        }
        return lines;
    }
}

package dev.parley.protocol.http;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.Terminator;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Shows one message body to the learner, fed in pieces as it arrives.
 *
 * <ul>
 *   <li>A text body (text/*, JSON, XML, JavaScript, form data) is shown as data lines, split on LF
 *       with each line's real terminator, up to {@code maxShown} octets; the rest is counted and
 *       a Notice says how much was not shown. Lines are used rather than one Literal because a
 *       learner reads HTML or JSON line by line, and a bare LF stays visible per line.</li>
 *   <li>For a chunked body each chunk's data is shown on its own: a chunk that ends mid-line ends
 *       its last line with {@link Terminator#NONE}, so the lines never hide where a chunk ended.</li>
 *   <li>A binary body (image/png, octet-stream, anything with a Content-Encoding such as gzip)
 *       is never dumped: a {@link DialectEvent.BodySummary} gives its type and size.</li>
 *   <li>A body without Content-Type is held (at most {@code maxShown} octets) until it ends or
 *       fills the display limit, then shown as text if it is UTF-8 without NUL octets, else
 *       summarised as application/octet-stream (RFC 9110 §8.3). Chunk ends are not marked then.</li>
 * </ul>
 * Every decision depends on octet counts and content only, never on how the bytes were split.
 */
final class HttpBodyView {

    private enum Kind {
        TEXT,
        BINARY,
        SNIFF
    }

    private static final String REFERENCE = "RFC 9112 §6";

    private Kind kind;
    private final String mediaType;
    private final String contentEncoding;
    private final String meaning;
    private final int maxShown;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private ByteArrayOutputStream sniffed;
    private long octets;
    private long shown;
    private long hidden;
    private boolean cut;

    private HttpBodyView(Kind kind, String mediaType, String contentEncoding, String meaning, int maxShown) {
        this.kind = kind;
        this.mediaType = mediaType;
        this.contentEncoding = contentEncoding;
        this.meaning = meaning;
        this.maxShown = maxShown;
        if (kind == Kind.SNIFF) {
            sniffed = new ByteArrayOutputStream();
        }
    }

    /** The view for a body with these Content-Type and Content-Encoding values (either may be null). */
    static HttpBodyView forBody(String contentType, String contentEncoding, int maxShown) {
        String media = contentType == null ? null : mediaType(contentType);
        Kind kind;
        if (contentEncoding != null) {
            kind = Kind.BINARY;
        } else if (media == null || media.isEmpty()) {
            kind = Kind.SNIFF;
        } else {
            kind = isText(media) ? Kind.TEXT : Kind.BINARY;
        }
        String label = media == null || media.isEmpty() ? "no Content-Type" : media;
        return new HttpBodyView(kind, media, contentEncoding, "Body (" + label + ").", maxShown);
    }

    /** A view that shows whatever comes as lines, with the given meaning (bytes that are not HTTP framing). */
    static HttpBodyView asLines(String meaning, int maxShown) {
        return new HttpBodyView(Kind.TEXT, null, null, meaning, maxShown);
    }

    static boolean isText(String mediaType) {
        return mediaType.startsWith("text/")
                || mediaType.endsWith("+json")
                || mediaType.endsWith("+xml")
                || List.of("application/json", "application/xml", "application/javascript",
                        "application/ecmascript", "application/x-www-form-urlencoded").contains(mediaType);
    }

    long octets() {
        return octets;
    }

    void accept(byte[] bytes, List<DialectEvent> out) {
        octets += bytes.length;
        switch (kind) {
            case TEXT -> showText(bytes, 0, bytes.length, out);
            case BINARY -> {
            }
            case SNIFF -> {
                int room = maxShown - sniffed.size();
                int taken = Math.min(room, bytes.length);
                sniffed.write(bytes, 0, taken);
                if (sniffed.size() >= maxShown) {
                    decide(false, out);
                    if (kind == Kind.TEXT) {
                        showText(bytes, taken, bytes.length - taken, out);
                    }
                }
            }
        }
    }

    /** A chunk's data ended: its last partial line is shown now, without terminator. */
    void endOfChunk(List<DialectEvent> out) {
        if (kind == Kind.TEXT && !cut && pending.size() > 0) {
            emitPending(out);
        }
    }

    /** The body is over (or the connection ended): flush, and say what was not shown. */
    void finish(List<DialectEvent> out) {
        if (kind == Kind.SNIFF) {
            decide(true, out);
        }
        if (kind == Kind.TEXT) {
            if (!cut && pending.size() > 0) {
                emitPending(out);
            }
            if (hidden > 0) {
                out.add(new DialectEvent.Notice(String.format(Locale.ROOT,
                        "%,d more octets of this body were not shown.", hidden)));
            }
        } else if (octets > 0) {
            String type = mediaType == null || mediaType.isEmpty() ? "application/octet-stream" : mediaType;
            String what = mediaType == null || mediaType.isEmpty()
                    ? "Body without Content-Type and not UTF-8 text (so application/octet-stream)"
                    : type + " body";
            if (contentEncoding != null) {
                what += " (" + contentEncoding + "-encoded)";
            }
            out.add(new DialectEvent.BodySummary(type, octets,
                    String.format(Locale.ROOT, "%s, %,d octets, not shown", what, octets)));
        }
    }

    private void decide(boolean complete, List<DialectEvent> out) {
        byte[] held = sniffed.toByteArray();
        sniffed = null;
        if (looksLikeText(held, complete)) {
            kind = Kind.TEXT;
            showText(held, 0, held.length, out);
        } else {
            kind = Kind.BINARY;
        }
    }

    private void showText(byte[] bytes, int offset, int length, List<DialectEvent> out) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (cut) {
                hidden += end - i;
                return;
            }
            int lf = indexOfLf(bytes, i, end);
            int stop = lf < 0 ? end : lf + 1;
            int piece = stop - i;
            long room = maxShown - shown - pending.size();
            if (piece <= room) {
                pending.write(bytes, i, piece);
                if (lf >= 0) {
                    emitPending(out);
                }
            } else {
                int fits = utf8Boundary(bytes, i, (int) room);
                pending.write(bytes, i, fits);
                hidden += piece - fits;
                if (pending.size() > 0) {
                    emitPending(out);
                }
                cut = true;
            }
            i = stop;
        }
    }

    private void emitPending(List<DialectEvent> out) {
        byte[] line = pending.toByteArray();
        pending.reset();
        shown += line.length;
        int textLength = line.length;
        Terminator terminator = Terminator.NONE;
        if (textLength > 0 && line[textLength - 1] == '\n') {
            textLength--;
            terminator = Terminator.LF;
            if (textLength > 0 && line[textLength - 1] == '\r') {
                textLength--;
                terminator = Terminator.CRLF;
            }
        }
        String text = new String(line, 0, textLength, StandardCharsets.UTF_8);
        out.add(new DialectEvent.ServerLine(text, terminator, Annotation.data(meaning, REFERENCE)));
    }

    private static int indexOfLf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Backs a cut off so it does not split a UTF-8 sequence: the first octet left out must not be a continuation. */
    private static int utf8Boundary(byte[] bytes, int from, int fits) {
        int cutAt = fits;
        while (cutAt > 0 && fits - cutAt < 3 && (bytes[from + cutAt] & 0xC0) == 0x80) {
            cutAt--;
        }
        return (bytes[from + cutAt] & 0xC0) == 0x80 ? fits : cutAt;
    }

    private static boolean looksLikeText(byte[] bytes, boolean complete) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), chars, complete);
        if (result.isError()) {
            return false;
        }
        return !complete || !decoder.flush(chars).isError();
    }

    /** The media type without parameters, lower-cased: {@code Text/HTML; charset=utf-8} gives {@code text/html}. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}

package dev.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Reads a request body as UTF-8 text within a size limit, refusing what is not text: the limit is
 * checked before reading (Content-Length) and while reading (chunked bodies), so a huge upload
 * never sits in memory whole; a byte sequence that is not UTF-8 is reported with its line.
 */
final class RequestBodies {

    /** The largest transcript or replay request accepted. */
    static final int MAX_OCTETS = 10 * 1024 * 1024;

    private RequestBodies() {
    }

    /**
     * Refuses a body that is not declared JSON: a form on another site can send text/plain without
     * a preflight (the CSRF of issue #9), never application/json.
     */
    static void requireJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw Problems.field(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "send the body as application/json"
                    + (type == null ? "" : ", not " + type.split(";")[0]));
        }
    }

    static String text(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_OCTETS) {
            throw tooLarge(request.getContentLengthLong());
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_OCTETS + 1);
        if (bytes.length > MAX_OCTETS) {
            throw tooLarge(-1);
        }
        return utf8(bytes);
    }

    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw Problems.field(HttpStatus.BAD_REQUEST, "body", String.format(Locale.ROOT, "line %d: octet %d is not"
                    + " UTF-8 text (0x%02X); binary data is not a transcript", line, at + 1, bytes[at] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static RuntimeException tooLarge(long declared) {
        return Problems.field(HttpStatus.PAYLOAD_TOO_LARGE, "body", String.format(Locale.ROOT,
                "the body is %s, over the limit of %,d octets (10 MB)",
                declared > 0 ? String.format(Locale.ROOT, "%,d octets", declared) : "larger", MAX_OCTETS));
    }
}

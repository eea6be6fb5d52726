package dev.parley.protocol.http;

import dev.parley.protocol.Annotation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of a response, RFC 9112 §4: {@code status-line = HTTP-version SP status-code SP
 * [ reason-phrase ]}. A missing space after the code is tolerated (some servers send {@code
 * HTTP/1.1 200}).
 */
record HttpStatusLine(int major, int minor, int code, String reason) {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/(\\d)\\.(\\d) (\\d{3})(?: (.*))?");

    static final Annotation NOT_A_STATUS_LINE = Annotation.malformed("Not a status line: a response starts like"
            + " `HTTP/1.1 200 OK` (version, three-digit code, reason). Perhaps an HTTP/0.9 reply or another"
            + " protocol; Parley shows what follows as lines until the server closes.", "RFC 9112 §4");

    /** The parsed line, or null when it is not a status line. */
    static HttpStatusLine parse(String line) {
        Matcher m = STATUS_LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return new HttpStatusLine(m.group(1).charAt(0) - '0', m.group(2).charAt(0) - '0',
                Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4));
    }

    /** The reply annotation; {@code last} is true for a final response, false for an interim 1xx (RFC 9110 §15.2). */
    Annotation annotation(boolean finalResponse) {
        HttpReplies.Reply reply = HttpReplies.reply(code);
        String meaning = reply.meaning();
        if (major == 1 && minor == 0) {
            meaning += " (An HTTP/1.0 response: the server closes the connection after it unless it sends"
                    + " Connection: keep-alive.)";
        } else if (major != 1) {
            meaning += " (HTTP/" + major + "." + minor + " is not HTTP/1.x; Parley reads it as HTTP/1.1.)";
        }
        return Annotation.reply(String.format("%03d", code), meaning, finalResponse, reply.reference());
    }
}

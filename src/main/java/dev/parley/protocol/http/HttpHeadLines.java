package dev.parley.protocol.http;

import dev.parley.protocol.Annotation;
import java.util.Locale;

/**
 * Annotates the field lines of a response's header or trailer section (RFC 9112 §5) and says how
 * the body that follows is framed (RFC 9112 §6.3).
 */
final class HttpHeadLines {

    /**
     * The annotation of one field line. {@code head}, when not null, records the fields that frame
     * the body; {@code trailer} marks a field sent after a chunked body (RFC 9112 §7.1.2).
     */
    Annotation field(String text, HttpResponseHead head, boolean trailer) {
        if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
            return Annotation.malformed("A line starting with white space continues the previous field (obs-fold);"
                    + " this line folding is obsolete and a recipient must reject or unfold it.", "RFC 9112 §5.2");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || hasWhitespace(text.substring(0, colon))) {
            return Annotation.malformed("A field line is `Name: value`, with no white space before the colon;"
                    + " this one is not.", "RFC 9112 §5.1");
        }
        String name = text.substring(0, colon);
        String value = text.substring(colon + 1).strip();
        if (head != null) {
            String problem = head.record(name, value);
            if (problem != null) {
                return Annotation.malformed(problem, "RFC 9110 §8.6");
            }
        }
        HttpFields.Field field = HttpReplies.header(name);
        String meaning = field.meaning() + detail(name, value);
        if (trailer) {
            return Annotation.data("Trailer field, sent after the body: " + meaning, "RFC 9112 §7.1.2");
        }
        return Annotation.data(meaning, field.reference());
    }

    /** A sentence on how the body after this head is framed, for the empty line that ends the head. */
    static String framingNote(HttpResponseHead head, HttpResponseHead.Framing framing, String method) {
        if (head.interim()) {
            return "This was an interim response; the final response follows.";
        }
        return switch (framing) {
            case NONE -> "HEAD".equals(method) ? "No body follows: this answers a HEAD request."
                    : "No body follows: a " + head.code() + " response never has one.";
            case TUNNEL -> "HTTP ends here: the connection now carries another protocol.";
            case CHUNKED -> "The body follows in chunks, each preceded by its size in hexadecimal.";
            case LENGTH -> String.format(Locale.ROOT, "The body follows: %,d octets, as Content-Length said.",
                    head.contentLength());
            case CLOSE -> "The body follows and ends when the server closes the connection (no usable length).";
        };
    }

    private static String detail(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("connection") && value.toLowerCase(Locale.ROOT).contains("close")) {
            return " Here: the server will close the connection after this response.";
        }
        if (lower.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).endsWith("chunked")) {
            return " Here: the body comes in chunks.";
        }
        return "";
    }

    private static boolean hasWhitespace(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

package dev.parley.protocol.http;

import dev.parley.protocol.Annotation;
import java.util.Locale;

/**
 * One chunk-size line of a chunked body (RFC 9112 §7.1): {@code chunk-size [ chunk-ext ]}, the
 * size in hexadecimal and optional {@code ;name=value} extensions (RFC 9112 §7.1.1).
 *
 * @param size       the announced octets; {@link Long#MAX_VALUE} for a size too big to represent
 *                   (it is over every limit anyway)
 * @param extensions the text from the first {@code ;} on, or empty
 */
record ChunkSize(long size, String extensions) {

    /** More hex digits than this (after leading zeros) cannot fit in a long without overflow. */
    private static final int MAX_HEX_DIGITS = 15;

    static final Annotation NOT_A_CHUNK_SIZE = Annotation.malformed("Not a chunk size: each chunk starts with its"
            + " size in hexadecimal (such as `1a`), optionally followed by `;extensions`. The body cannot be framed"
            + " past this line, so the response ends here as an error.", "RFC 9112 §7.1");

    /** The parsed line, or null when it is not a chunk-size line. */
    static ChunkSize parse(String line) {
        int semicolon = line.indexOf(';');
        String digits = (semicolon < 0 ? line : line.substring(0, semicolon)).stripTrailing();
        String extensions = semicolon < 0 ? "" : line.substring(semicolon);
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                return null;
            }
        }
        String significant = digits.replaceFirst("^0+", "");
        if (significant.length() > MAX_HEX_DIGITS) {
            return new ChunkSize(Long.MAX_VALUE, extensions);
        }
        long size = significant.isEmpty() ? 0 : Long.parseLong(significant, 16);
        return new ChunkSize(size, extensions);
    }

    /** The annotation of this chunk-size line as a server sent it. */
    Annotation annotation() {
        String meaning = size == 0
                ? "Last chunk (size 0): the body is complete; trailer fields may follow, then an empty line."
                : String.format(Locale.ROOT, "Chunk size in hexadecimal: a chunk of %,d octets follows.", size);
        return Annotation.data(meaning + extensionsMeaning(), "RFC 9112 §7.1");
    }

    /** A sentence explaining the extensions, or empty when there are none. */
    String extensionsMeaning() {
        if (extensions.isEmpty()) {
            return "";
        }
        return " Chunk extension `" + extensions.substring(1).strip() + "`: extra information about this chunk"
                + " (name or name=value after `;`); a recipient ignores extensions it does not understand.";
    }
}

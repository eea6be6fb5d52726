package dev.parley.library;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw message octets as a result: the size, and the text (UTF-8, cut when long). */
final class Texts {

    static final int MAX_TEXT = 256 * 1024;

    /** The largest message library mode reads; a server could otherwise send without end. */
    static final int MAX_MESSAGE = 16 * 1024 * 1024;

    /** Collects a message written by the library, refusing to grow past {@link #MAX_MESSAGE}. */
    static final class Bounded extends java.io.ByteArrayOutputStream {

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + len > MAX_MESSAGE) {
                throw new TooBig();
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1 > MAX_MESSAGE) {
                throw new TooBig();
            }
            super.write(b);
        }
    }

    /** A message larger than library mode reads. */
    static final class TooBig extends RuntimeException {

        TooBig() {
            super("The message is larger than " + MAX_MESSAGE / (1024 * 1024) + " MiB, more than library mode reads.");
        }
    }

    /** At most {@link #MAX_MESSAGE} octets of {@code in}. */
    static byte[] read(java.io.InputStream in) throws java.io.IOException {
        byte[] octets = in.readNBytes(MAX_MESSAGE + 1);
        if (octets.length > MAX_MESSAGE) {
            throw new TooBig();
        }
        return octets;
    }

    private Texts() {
    }

    static Map<String, Object> of(byte[] octets) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("octets", octets.length);
        int shown = Math.min(octets.length, MAX_TEXT);
        result.put("text", new String(octets, 0, shown, StandardCharsets.UTF_8));
        if (shown < octets.length) {
            result.put("textCut", true);
        }
        return result;
    }
}

package dev.parley.protocol;

/**
 * How a secret looks once masked, and the few ways the dialects mask one. The dialects decide
 * <em>which</em> line carries a secret (only they know that a line answers a {@code 334}, or is the
 * literal of a LOGIN); this class decides <em>how</em> it is written, so every transcript, export
 * and second viewer sees the same {@code ********} (CONTRACTS.md §2). It never says how long the
 * secret was.
 */
public final class Secrets {

    /** What stands for a secret in every redacted line. */
    public static final String MASK = "********";

    private Secrets() {
    }

    /**
     * Keeps the first {@code keep} space-separated words and masks everything after them:
     * {@code PASS redqueen} with keep 1 becomes {@code PASS ********}, {@code AUTH PLAIN AGJvYg==}
     * with keep 2 becomes {@code AUTH PLAIN ********}. Null when nothing follows those words.
     */
    public static String afterWords(String line, int keep) {
        int at = 0;
        int length = line.length();
        while (at < length && line.charAt(at) == ' ') {
            at++;
        }
        for (int word = 0; word < keep; word++) {
            while (at < length && line.charAt(at) != ' ') {
                at++;
            }
            while (at < length && line.charAt(at) == ' ') {
                at++;
            }
        }
        if (at >= length) {
            return null;
        }
        return line.substring(0, at) + MASK;
    }

    /**
     * A SASL response line (base64 after a {@code 334} or {@code +} challenge): masked whole,
     * except {@code *}, which only cancels the exchange and carries nothing.
     */
    public static String saslResponse(String line) {
        return line.strip().equals("*") || line.isEmpty() ? null : MASK;
    }

    /** Masks {@code line} between {@code from} (inclusive) and {@code to} (exclusive). */
    public static String between(String line, int from, int to) {
        return line.substring(0, from) + MASK + line.substring(to);
    }
}

package dev.parley.workshop;

import java.security.SecureRandom;

/**
 * Short codes people read off a projector and type: six characters from an alphabet without the
 * ones that look alike (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), about 10^8 codes.
 */
final class JoinCodes {

    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, in the canonical form (upper case, no spaces or dashes); null when it cannot be one. */
    static String normal(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : null;
    }

    /** A random secret of {@code length} characters from the same alphabet (practice passwords, user suffixes). */
    static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }
}

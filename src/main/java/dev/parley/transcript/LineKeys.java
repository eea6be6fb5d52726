package dev.parley.transcript;

/**
 * The key of a stored line: its transcript's number in the high 32 bits and its position
 * ({@code seq}, from 1) in the low 32, so that one transcript's lines are one range of keys, in
 * order. One {@code BIGINT} is the cheapest key a database can keep: H2 makes it the table's own
 * row key (no second index to maintain on every insert), and nothing compares strings (V5).
 */
final class LineKeys {

    private static final int SEQ_BITS = 32;

    private LineKeys() {
    }

    static long of(long num, int seq) {
        if (num <= 0 || num >= 1L << (63 - SEQ_BITS) || seq < 0) {
            throw new IllegalArgumentException("no line key for transcript " + num + ", line " + seq);
        }
        return num << SEQ_BITS | seq;
    }

    /** The smallest key a line of transcript {@code num} can have. */
    static long first(long num) {
        return num << SEQ_BITS;
    }

    /** The largest key a line of transcript {@code num} can have. */
    static long last(long num) {
        return first(num) | 0xFFFF_FFFFL;
    }
}

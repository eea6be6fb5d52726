package dev.parley.protocol;

/**
 * The limits every framer works within. A server is hostile until proven otherwise: it may send
 * an endless line or a gigabyte literal.
 *
 * @param maxLineOctets         longest line accepted from a server; past it the session ends
 * @param maxShownOctetsPerAnswer octets of one answer (literal, body, multi-line listing) shown to
 *                                the learner; the rest is read and counted, not shown
 * @param maxAnswerOctets       most octets one answer may have at all; past it the session ends
 */
public record FramingLimits(int maxLineOctets, int maxShownOctetsPerAnswer, long maxAnswerOctets) {

    public static final FramingLimits DEFAULT = new FramingLimits(32 * 1024, 256 * 1024, 64L * 1024 * 1024);

    public FramingLimits {
        if (maxLineOctets < 64 || maxShownOctetsPerAnswer < 64 || maxAnswerOctets < maxShownOctetsPerAnswer) {
            throw new IllegalArgumentException("framing limits too small: " + maxLineOctets + ", "
                    + maxShownOctetsPerAnswer + ", " + maxAnswerOctets);
        }
    }
}

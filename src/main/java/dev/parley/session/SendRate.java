package dev.parley.session;

/**
 * Lines a conversation may send a second ({@code parley.limits.sends-per-second}): a token bucket
 * of that many tokens, refilled continuously, in two numbers and no allocation. Used under the
 * conversation's lock. 0 means no limit.
 */
final class SendRate {

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private double tokens;
    private long lastNanos;

    SendRate(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastNanos = System.nanoTime();
    }

    int perSecond() {
        return perSecond;
    }

    /** True when one more send is allowed now (and counts it). */
    boolean take(long nowNanos) {
        if (perSecond <= 0) {
            return true;
        }
        tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) * (double) perSecond / SECOND);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}

package dev.parley.security;

import java.time.Duration;

/**
 * A client made more attempts than a {@link ClientRateLimiter} allows (connects, replays, library
 * calls); the message names the limit and says when to try again (answer it with the {@code LIMIT}
 * error code, CONTRACTS.md §6, or 429 with {@code Retry-After}).
 */
public class RateLimitedException extends Exception {

    private final Duration retryAfter;

    public RateLimitedException(String what, Duration retryAfter) {
        super("Too many " + what + ": try again in " + seconds(retryAfter) + " s.");
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt would be allowed (e.g. for a {@code Retry-After} header). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: "try again in 0 s" would be a lie. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}

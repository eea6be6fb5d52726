package dev.parley.security;

import java.time.Duration;

/**
 * A client made more connect attempts than {@code parley.targets.connect-rate} allows; the message
 * says when to try again (answer it with the {@code LIMIT} error code, CONTRACTS.md §6).
 */
public class ConnectRateLimitedException extends Exception {

    private final Duration retryAfter;

    public ConnectRateLimitedException(Duration retryAfter) {
        super("Too many connection attempts: try again in " + seconds(retryAfter) + " s.");
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

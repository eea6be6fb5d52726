package dev.parley.session;

import java.time.Duration;

/** Durations written the way people say them ("30 seconds", "15 minutes"). */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + " milliseconds";
        }
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    /** {@code template} with its one {@code %s} replaced by the duration in words. */
    static String sentence(String template, Duration duration) {
        return template.replace("%s", words(duration));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

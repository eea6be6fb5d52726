package dev.parley.replay;

import java.time.Duration;

/**
 * How every transcript of one request is replayed.
 *
 * @param stopAtFirstMismatch stop sending after the first failed step (the rest are reported as not run)
 * @param timeLimit           one replay, connection included, may take at most this long
 * @param answerTimeout       the longest wait for one step's answer
 */
public record ReplayOptions(Match match, boolean stopAtFirstMismatch, Duration timeLimit, Duration answerTimeout) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    public static final Duration MAX_TIME_LIMIT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The options as a caller gives them, each null for its default; a value out of range is a
     * {@link ReplayInputException} naming the field.
     */
    public static ReplayOptions of(String match, Boolean stopAtFirstMismatch, Integer timeLimitSeconds,
            Integer answerTimeoutSeconds) {
        Match m = match == null ? Match.CODES : Match.fromId(match).orElseThrow(() ->
                new ReplayInputException(-1, "match", 0, "must be “codes” or “exact”"));
        int limit = timeLimitSeconds == null ? (int) DEFAULT_TIME_LIMIT.toSeconds() : timeLimitSeconds;
        if (limit < 1 || limit > MAX_TIME_LIMIT.toSeconds()) {
            throw new ReplayInputException(-1, "timeLimitSeconds", 0, "must be between 1 and "
                    + MAX_TIME_LIMIT.toSeconds());
        }
        int answer = answerTimeoutSeconds == null ? (int) Math.min(limit, DEFAULT_ANSWER_TIMEOUT.toSeconds())
                : answerTimeoutSeconds;
        if (answer < 1 || answer > limit) {
            throw new ReplayInputException(-1, "answerTimeoutSeconds", 0, "must be between 1 and the time limit ("
                    + limit + ")");
        }
        return new ReplayOptions(m, !Boolean.FALSE.equals(stopAtFirstMismatch), Duration.ofSeconds(limit),
                Duration.ofSeconds(answer));
    }
}

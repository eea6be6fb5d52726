package dev.parley.replay;

import java.time.Duration;

/**
 * @param stopAtFirstMismatch stop sending after the first failed step (the rest are reported as not run)
 * @param timeLimit           the whole replay, connection included, may take at most this long
 * @param answerTimeout       the longest wait for one step's answer
 */
public record ReplayOptions(Match match, boolean stopAtFirstMismatch, Duration timeLimit, Duration answerTimeout) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    public static final Duration MAX_TIME_LIMIT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(10);
}

package dev.parley.replay;

import java.util.List;
import java.util.Map;

/**
 * The result of one transcript's replay (CONTRACTS.md §3, §8): the answer of a single
 * {@code POST /api/replay}, one entry of a suite's {@code results}. Every text in it has its
 * secrets masked.
 *
 * @param name          the transcript's name in its suite (its file name on the command line)
 * @param target        where it ran, as {@code imap://host:port}
 * @param transcript    what really happened, in the text format
 * @param transcriptId  the stored transcript of this replay, shareable as {@code /t/{id}}; null when
 *                      nothing is stored (the command line)
 * @param elapsedMillis how long the whole replay took
 * @param error         why the replay could not run at all (the target refused or could not be
 *                      reached); null when it ran
 */
public record ReplayReport(String name, String target, boolean passed, List<StepResult> steps, String transcript,
        String transcriptId, long elapsedMillis, Failure error) {

    /**
     * One step: what was sent, what the transcript expected and what the server answered.
     *
     * @param line     the line of the transcript where the step starts (0 when unknown)
     * @param sent     the client lines sent, joined by newlines; empty for the greeting
     * @param captured the values this step's placeholders captured ({@code ********} for a secret one)
     * @param reason   why it failed, in a sentence; null when it passed
     */
    public record StepResult(int index, int line, String sent, List<String> expected, List<String> actual,
            boolean passed, String reason, Map<String, String> captured) {
    }

    /** @param code the session's error code ({@code CONNECT_FAILED}, {@code TARGET_DENIED}, {@code TLS_FAILED}, ...) */
    public record Failure(String code, String message) {
    }

    /** The first step that failed, or null. */
    public StepResult failedStep() {
        return steps.stream().filter(s -> !s.passed()).findFirst().orElse(null);
    }
}

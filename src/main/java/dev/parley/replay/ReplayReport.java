package dev.parley.replay;

import java.util.List;

/**
 * The answer of {@code POST /api/replay} (CONTRACTS.md §3).
 *
 * @param transcript   what really happened, in the text format (secrets masked)
 * @param transcriptId the stored transcript of this replay, shareable as {@code /t/{id}}
 * @param elapsedMillis how long the whole replay took
 */
public record ReplayReport(boolean passed, List<StepResult> steps, String transcript, String transcriptId,
        long elapsedMillis) {

    /**
     * One step: what was sent, what the transcript expected and what the server answered.
     *
     * @param sent   the client lines sent, joined by CRLF-less newlines; empty for the greeting
     * @param reason why it failed, in a sentence; null when it passed
     */
    public record StepResult(int index, String sent, List<String> expected, List<String> actual, boolean passed,
            String reason) {
    }
}

package dev.parley.replay;

import dev.parley.protocol.Outcomes;
import dev.parley.protocol.Protocol;
import java.util.List;

/**
 * Whether a step's answer is what the transcript expected (CONTRACTS.md §3).
 *
 * <p>{@code exact} compares whole lines, placeholders aside. {@code codes} compares what the
 * protocol defines as the answer's outcome ({@link Outcomes}). When the expected lines name no
 * outcome at all (only untagged IMAP data, a body, placeholders), there is no outcome to compare,
 * and passing by default would hide a real mismatch (a {@code BAD} where the author wrote
 * {@code * SEARCH 1}): those lines must then appear in the answer, in order, other lines allowed
 * between them. A step with no expected line at all passes once its answer is complete: the
 * transcript asks nothing of it.
 */
final class StepJudge {

    private StepJudge() {
    }

    /** Null when the answer passes; otherwise why not, in a sentence. */
    static String judge(Protocol protocol, Match match, List<String> expected, ReplayConversation.Answer answer) {
        if (answer.problem() != null) {
            return answer.problem();
        }
        if (expected.isEmpty()) {
            return null;
        }
        List<String> expectedOutcome = match == Match.CODES
                ? Outcomes.of(protocol, expected, LinePatterns::isWholeLine)
                : null;
        if (expectedOutcome == null) {
            return LinePatterns.matchAll(expected, answer.lines()) ? null
                    : "The server's lines differ from the expected ones.";
        }
        if (expectedOutcome.isEmpty()) {
            return LinePatterns.appearInOrder(expected, answer.lines()) ? null
                    : "The expected lines name no outcome to compare, so each must appear in the answer, in order;"
                            + " they do not.";
        }
        List<String> actualOutcome = Outcomes.of(protocol, answer.lines(), LinePatterns::isWholeLine);
        return expectedOutcome.equals(actualOutcome) ? null
                : "Expected " + String.join(" ", expectedOutcome) + " but the server answered "
                        + (actualOutcome.isEmpty() ? "nothing conclusive" : String.join(" ", actualOutcome)) + ".";
    }
}

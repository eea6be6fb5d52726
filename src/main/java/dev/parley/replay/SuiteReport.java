package dev.parley.replay;

import java.util.List;

/**
 * The answer of {@code POST /api/replay} with {@code transcripts} (CONTRACTS.md §8): one result per
 * transcript, in the order given, and one verdict.
 *
 * @param passed  true when every transcript passed
 * @param failed  transcripts that ran and had a step fail
 * @param errors  transcripts that could not run (the target refused or could not be reached)
 */
public record SuiteReport(boolean passed, int total, int failed, int errors, long elapsedMillis,
        List<ReplayReport> results) {
}

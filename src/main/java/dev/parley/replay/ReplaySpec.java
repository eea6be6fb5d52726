package dev.parley.replay;

import java.util.List;
import java.util.Map;

/**
 * What a caller asks to replay (CONTRACTS.md §3, §8), from the REST body or the command line.
 *
 * @param transcripts one entry for a single replay, several for a suite
 * @param target      the target common to all entries (each part may be left out)
 * @param variables   values for {@code ${name}}; null for none
 * @param secrets     names of {@code variables} whose values are masked everywhere; null for none
 * @param parallel    how many run at once, at most {@code parley.replay.parallel}; null for that
 */
public record ReplaySpec(List<ReplayInput> transcripts, TargetSpec target, Map<String, String> variables,
        List<String> secrets, ReplayOptions options, Integer parallel) {
}

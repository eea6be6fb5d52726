package dev.parley.replay;

/**
 * One transcript to replay, as a caller gives it.
 *
 * @param name       how reports name it (a suite's entry name, a file name); null for a default
 * @param transcript the transcript in the text format (CONTRACTS.md §2)
 * @param target     where to replay it; null or partial to use the suite's and the transcript's own
 */
public record ReplayInput(String name, String transcript, TargetSpec target) {
}

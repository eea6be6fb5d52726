package dev.parley.library;

import java.util.List;

/**
 * The answer to a successful library call (CONTRACTS.md §3).
 *
 * @param java         the Jakarta Mail / java.net.http code that ran, with the password as a variable
 * @param python       the same in the lesson's Python library
 * @param trace        the wire conversation as {@code C: } / {@code S: } lines, secrets masked
 * @param byHand       the lines to type in the raw console to have the same conversation
 * @param result       what the call returned, as JSON
 * @param traceNote    how the trace was obtained (the library's own debug output, or rebuilt)
 * @param transcriptId the stored transcript, or null while transcripts are not wired
 */
public record LibraryResponse(String call, String java, String python, List<String> trace, List<ByHand.Step> byHand,
        Object result, String traceNote, String transcriptId) {
}

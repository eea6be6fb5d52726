package dev.parley.replay;

import dev.parley.transcript.Transcript;
import java.util.List;

/**
 * One transcript's replay, whole: its report, and what happened as a transcript with the lines
 * each step covered, for a ladder that marks the step that failed.
 *
 * @param happened what happened (secrets masked); null when the replay could not run
 * @param spans    per step of the report, its first and last line in {@code happened} (from 1;
 *                 {@code to < from} when the step added no line)
 */
public record ReplayRun(ReplayReport report, Transcript happened, List<Span> spans) {

    public record Span(int from, int to) {
    }
}

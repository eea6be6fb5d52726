package dev.parley.replay;

import dev.parley.transcript.LadderDiagram;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptMeta;
import java.util.List;

/**
 * A replay drawn as a ladder (SVG) of what happened, with the first failed step's lines on a red
 * band and a label saying which step failed and why; a replay that passed is drawn unmarked.
 */
public final class ReplayLadder {

    private ReplayLadder() {
    }

    public static String render(ReplayRun run) {
        Transcript happened = run.happened() != null ? run.happened()
                : new Transcript(new TranscriptMeta(null, null, "replay", null, null, null, null, null), List.of());
        ReplayReport report = run.report();
        if (report.error() != null) {
            int last = happened.lines().size();
            return LadderDiagram.render(happened, new LadderDiagram.Mark(last + 1, last, "could not run: "
                    + report.error().message()));
        }
        ReplayReport.StepResult failed = report.failedStep();
        if (failed == null) {
            return LadderDiagram.render(happened);
        }
        ReplayRun.Span span = run.spans().get(report.steps().indexOf(failed));
        return LadderDiagram.render(happened, new LadderDiagram.Mark(span.from(), span.to(), "✗ step " + failed.index()
                + " failed: " + failed.reason()));
    }
}

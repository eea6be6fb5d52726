package dev.parley.replay;

import dev.parley.protocol.Direction;
import dev.parley.transcript.LineKind;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A transcript cut into steps: the lines the client sends, then the server lines expected in
 * answer, up to the next client line. Step 0 is the greeting, when the transcript expects server
 * lines before the first client line. A client line that is one placeholder alone
 * ({@code C: <client connects to service port 110>}, {@code C: <client hangs up>}) is a stage
 * direction from the lesson: the replay does it (connects, hangs up) rather than send it.
 * Notes, TLS markers and body summaries are not expectations: they are skipped.
 */
record ReplayScript(List<Step> steps) {

    /**
     * @param sent     the client lines to send, in order (empty for the greeting)
     * @param expected the server lines expected, placeholders included
     * @param line     the transcript line (1-based position among its entries) where the step starts
     */
    record Step(int index, List<String> sent, List<String> expected, int line) {
    }

    static ReplayScript of(Transcript transcript) {
        List<Step> steps = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int start = 0;
        for (TranscriptLine line : transcript.lines()) {
            if (!line.traffic()) {
                continue;
            }
            if (line.direction() == Direction.C) {
                if (LinePatterns.isWholeLine(line.text())) {
                    continue;
                }
                if (!expected.isEmpty()) {
                    steps.add(new Step(steps.size(), List.copyOf(sent), List.copyOf(expected), start));
                    sent.clear();
                    expected.clear();
                }
                if (sent.isEmpty()) {
                    start = line.seq();
                }
                sent.add(line.text());
            } else {
                if (sent.isEmpty() && expected.isEmpty()) {
                    start = line.seq();
                }
                expected.addAll(line.kind() == LineKind.LITERAL ? List.of(line.text().split("\r?\n"))
                        : List.of(line.text()));
            }
        }
        if (!sent.isEmpty() || !expected.isEmpty()) {
            steps.add(new Step(steps.size(), List.copyOf(sent), List.copyOf(expected), start));
        }
        return new ReplayScript(steps);
    }

    int clientLines() {
        return steps.stream().mapToInt(s -> s.sent().size()).sum();
    }
}

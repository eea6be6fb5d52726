package dev.parley.replay;

import dev.parley.transcript.LadderDiagram;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A suite's replays as a JUnit XML report, the format every CI system reads (Jenkins, GitLab,
 * GitHub Actions reporters): one {@code <testcase>} per transcript; a transcript with a failed step
 * has one {@code <failure>} whose message names the step, the line it starts on, and the expected
 * and actual lines; one that could not run has an {@code <error>}. A failing or erroring case
 * carries what happened, as a transcript, in its {@code <system-out>}.
 *
 * <p>Every text is escaped with the ladder's rule (control characters shown as visible symbols,
 * which XML 1.0 cannot carry) and cut to a bounded length: a server's flood must not become a
 * report no CI can open. Secrets are already masked in everything a report holds.
 */
public final class JUnitXml {

    static final int MAX_MESSAGE = 1_000;
    static final int MAX_LINES_SHOWN = 40;
    static final int MAX_OUTPUT = 64 * 1024;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private JUnitXml() {
    }

    public static String write(SuiteRun suite, String name) {
        SuiteReport report = suite.report();
        String time = seconds(report.elapsedMillis());
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(attr(name)).append("\" tests=\"").append(report.total())
                .append("\" failures=\"").append(report.failed()).append("\" errors=\"").append(report.errors())
                .append("\" time=\"").append(time).append("\">\n");
        xml.append("  <testsuite name=\"").append(attr(name)).append("\" tests=\"").append(report.total())
                .append("\" failures=\"").append(report.failed()).append("\" errors=\"").append(report.errors())
                .append("\" skipped=\"0\" time=\"").append(time).append("\" timestamp=\"")
                .append(TIMESTAMP.format(Instant.now().truncatedTo(ChronoUnit.SECONDS))).append("\">\n");
        for (ReplayReport result : report.results()) {
            testcase(xml, result);
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    private static void testcase(StringBuilder xml, ReplayReport result) {
        String protocol = result.target().substring(0, Math.max(0, result.target().indexOf(':')));
        xml.append("    <testcase name=\"").append(attr(result.name())).append("\" classname=\"replay.")
                .append(attr(protocol)).append("\" time=\"").append(seconds(result.elapsedMillis())).append("\"");
        if (result.passed()) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        if (result.error() != null) {
            String message = "Could not run against " + result.target() + ": " + result.error().message();
            xml.append("      <error type=\"").append(attr(result.error().code())).append("\" message=\"")
                    .append(attr(cut(message, MAX_MESSAGE))).append("\">").append(text(message)).append("</error>\n");
        } else {
            ReplayReport.StepResult step = result.failedStep();
            xml.append("      <failure type=\"mismatch\" message=\"").append(attr(cut(message(step), MAX_MESSAGE)))
                    .append("\">").append(text(details(result, step))).append("</failure>\n");
        }
        if (result.transcript() != null && !result.transcript().isEmpty()) {
            xml.append("      <system-out>").append(text(cut(result.transcript(), MAX_OUTPUT))).append("</system-out>\n");
        }
        xml.append("    </testcase>\n");
    }

    /** One line: the step, where it starts, what was sent, expected and actual, why. */
    static String message(ReplayReport.StepResult step) {
        return "Step " + step.index() + (step.line() > 0 ? " (line " + step.line() + ")" : "")
                + (step.sent().isEmpty() ? " (the greeting)" : " “" + firstLine(step.sent()) + "”") + " failed: "
                + step.reason() + " Expected: " + oneLine(step.expected()) + " Actual: " + oneLine(step.actual());
    }

    /** The failure's body: the step in the transcript notation, then every step's verdict. */
    static String details(ReplayReport result, ReplayReport.StepResult step) {
        StringBuilder out = new StringBuilder();
        out.append("Step ").append(step.index());
        if (step.line() > 0) {
            out.append(", line ").append(step.line()).append(" of the transcript");
        }
        out.append(", against ").append(result.target()).append(":\n");
        for (String sent : step.sent().isEmpty() ? List.<String>of() : List.of(step.sent().split("\n"))) {
            out.append("C: ").append(sent).append('\n');
        }
        out.append("expected:\n");
        lines(out, step.expected());
        out.append("actual:\n");
        lines(out, step.actual());
        out.append(step.reason()).append("\n\n");
        for (ReplayReport.StepResult s : result.steps()) {
            out.append(s.passed() ? "  passed  " : "  FAILED  ").append("step ").append(s.index()).append(": ")
                    .append(s.sent().isEmpty() ? "(greeting)" : firstLine(s.sent()))
                    .append(s.passed() ? "" : " — " + s.reason()).append('\n');
        }
        return out.toString();
    }

    private static void lines(StringBuilder out, List<String> lines) {
        if (lines.isEmpty()) {
            out.append("  (no line)\n");
        }
        for (int i = 0; i < lines.size() && i < MAX_LINES_SHOWN; i++) {
            out.append("S: ").append(lines.get(i)).append('\n');
        }
        if (lines.size() > MAX_LINES_SHOWN) {
            out.append(String.format(Locale.ROOT, "  … %,d more lines\n", lines.size() - MAX_LINES_SHOWN));
        }
    }

    private static String oneLine(List<String> lines) {
        if (lines.isEmpty()) {
            return "(no line)";
        }
        return String.join(" | ", lines.size() <= 5 ? lines : lines.subList(0, 5)) + (lines.size() > 5 ? " | …" : "");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " …";
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String attr(String s) {
        return LadderDiagram.escape(s == null ? "" : s);
    }

    /** Element text: each line escaped, the line breaks kept. */
    private static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 64);
        String[] lines = s.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(LadderDiagram.escape(lines[i]));
        }
        return out.toString();
    }
}

package dev.parley.replay;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A suite's replays as the command line prints them: one line per transcript, and for one that
 * failed the step, where it starts, what was sent, the expected and actual lines and why. What a
 * server sent is shown with its control characters made visible, so that printing a report cannot
 * move the cursor, retitle the window or hide a line in the reader's terminal.
 */
final class ConsoleReport {

    private static final int LINES_SHOWN = 12;

    private ConsoleReport() {
    }

    static void print(SuiteRun suite, PrintStream out) {
        SuiteReport report = suite.report();
        for (ReplayReport result : report.results()) {
            if (result.error() != null) {
                out.printf(Locale.ROOT, "ERROR %s  %s%n      %s: %s%n", visible(result.name()), visible(result.target()),
                        result.error().code(), visible(result.error().message()));
            } else if (result.passed()) {
                out.printf(Locale.ROOT, "PASS  %s  %s  %d steps  %s%n", visible(result.name()), visible(result.target()),
                        result.steps().size(), seconds(result.elapsedMillis()));
            } else {
                ReplayReport.StepResult step = result.failedStep();
                out.printf(Locale.ROOT, "FAIL  %s  %s  step %d of %d  %s%n", visible(result.name()),
                        visible(result.target()), step.index(), result.steps().size(), seconds(result.elapsedMillis()));
                failure(out, step);
            }
        }
        int passed = report.total() - report.failed() - report.errors();
        out.printf(Locale.ROOT, "%n%d passed, %d failed, %d could not run (%s)%n", passed, report.failed(),
                report.errors(), seconds(report.elapsedMillis()));
    }

    private static void failure(PrintStream out, ReplayReport.StepResult step) {
        if (step.line() > 0) {
            out.printf(Locale.ROOT, "      at line %d of the transcript%n", step.line());
        }
        if (step.sent().isEmpty()) {
            out.println("      (the greeting)");
        }
        for (String sent : step.sent().isEmpty() ? List.<String>of() : List.of(step.sent().split("\n"))) {
            out.println("      C: " + visible(sent));
        }
        out.println("      expected:");
        lines(out, step.expected());
        out.println("      actual:");
        lines(out, step.actual());
        out.println("      " + visible(step.reason()));
    }

    private static void lines(PrintStream out, List<String> lines) {
        if (lines.isEmpty()) {
            out.println("        (no line)");
        }
        for (int i = 0; i < lines.size() && i < LINES_SHOWN; i++) {
            out.println("        S: " + visible(lines.get(i)));
        }
        if (lines.size() > LINES_SHOWN) {
            out.printf(Locale.ROOT, "        … %,d more lines%n", lines.size() - LINES_SHOWN);
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    /**
     * C0 controls as their Unicode control pictures (ESC as ␛), DEL as ␡, and C1 controls (which
     * some terminals obey as escape sequences) as U+FFFD.
     */
    static String visible(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                out.append((char) (0x2400 + c));
            } else if (c == 0x7F) {
                out.append('\u2421');
            } else if (c >= 0x80 && c <= 0x9F) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

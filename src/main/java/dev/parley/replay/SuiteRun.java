package dev.parley.replay;

import java.util.List;

/** A request's replays, in the order given, and how long they took together. */
public record SuiteRun(List<ReplayRun> runs, long elapsedMillis) {

    public SuiteReport report() {
        List<ReplayReport> results = runs.stream().map(ReplayRun::report).toList();
        int errors = (int) results.stream().filter(r -> r.error() != null).count();
        int failed = (int) results.stream().filter(r -> r.error() == null && !r.passed()).count();
        return new SuiteReport(errors == 0 && failed == 0, results.size(), failed, errors, elapsedMillis, results);
    }

    public boolean passed() {
        return runs.stream().allMatch(r -> r.report().passed());
    }
}

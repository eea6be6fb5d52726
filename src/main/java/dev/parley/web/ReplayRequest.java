package dev.parley.web;

import dev.parley.replay.ReplayInput;
import dev.parley.replay.TargetSpec;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/replay} (CONTRACTS.md §3, §8): one {@code transcript}, or a suite of
 * {@code transcripts}. {@code target} may be left out when each transcript names its protocol and
 * target in {@code # protocol:} and {@code # target:} lines; in a suite it is the default of each
 * entry's own {@code target}.
 *
 * @param match               {@code codes} (default) or {@code exact}
 * @param stopAtFirstMismatch default true
 * @param timeLimitSeconds    each replay's limit; default 60, at most 300
 * @param answerTimeoutSeconds the longest wait for one step's answer; default 10
 * @param variables           values for {@code ${name}} in the transcripts' lines
 * @param secrets             names of {@code variables} masked as {@code ********} everywhere
 * @param parallel            how many transcripts of a suite run at once (at most {@code parley.replay.parallel})
 */
record ReplayRequest(Target target, String transcript, List<Entry> transcripts, String match,
        Boolean stopAtFirstMismatch, Integer timeLimitSeconds, Integer answerTimeoutSeconds,
        Map<String, String> variables, List<String> secrets, Integer parallel) {

    /** @param tls {@code none} (default) or {@code implicit}; STARTTLS is a line of the transcript */
    record Target(String protocol, String host, Integer port, String tls) {

        TargetSpec spec() {
            return new TargetSpec(protocol, host, port, tls);
        }
    }

    /** One transcript of a suite: its name in the report, its text, its own target (parts may be left out). */
    record Entry(String name, String transcript, Target target) {

        ReplayInput input() {
            return new ReplayInput(name, transcript, target == null ? null : target.spec());
        }
    }
}

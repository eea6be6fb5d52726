package dev.parley.web;

/**
 * The body of {@code POST /api/replay} (CONTRACTS.md §3). {@code target} may be left out when the
 * transcript names its protocol and target in {@code # protocol:} and {@code # target:} lines.
 *
 * @param match               {@code codes} (default) or {@code exact}
 * @param stopAtFirstMismatch default true
 * @param timeLimitSeconds    the whole replay's limit; default 60, at most 300
 * @param answerTimeoutSeconds the longest wait for one step's answer; default 10
 */
record ReplayRequest(Target target, String transcript, String match, Boolean stopAtFirstMismatch,
        Integer timeLimitSeconds, Integer answerTimeoutSeconds) {

    /** @param tls {@code none} (default) or {@code implicit}; STARTTLS is a line of the transcript */
    record Target(String protocol, String host, Integer port, String tls) {
    }
}

package dev.parley.bench;

import java.net.http.HttpClient;

/** The three ways to reach the line server that one run compares. */
enum Target {
    /** The floor: a socket straight to the line server. */
    TCP("direct TCP"),
    /** websockify 0.10 relaying binary WebSocket frames to the line server. */
    WEBSOCKIFY("websockify"),
    /** Parley's {@code /ws/session}, smtp dialect, until each answer's {@code complete} event. */
    PARLEY("Parley");

    final String label;

    Target(String label) {
        this.label = label;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Where the run's servers listen; a port of 0 means that target is not part of the run.
     *
     * @param parleyPid the Parley process, for heap measurements (0 when unknown)
     */
    record Endpoints(int lineServer, int websockify, int parley, long parleyPid) {

        boolean has(Target target) {
            return switch (target) {
                case TCP -> lineServer > 0;
                case WEBSOCKIFY -> websockify > 0;
                case PARLEY -> parley > 0;
            };
        }

        BenchSession open(Target target, HttpClient client, BenchSession.Answers answers) throws Exception {
            return switch (target) {
                case TCP -> TcpSession.open(lineServer, answers);
                case WEBSOCKIFY -> WebsockifySession.open(client, websockify, answers);
                case PARLEY -> ParleySession.open(client, parley, lineServer, answers);
            };
        }
    }
}

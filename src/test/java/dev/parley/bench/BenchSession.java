package dev.parley.bench;

import java.time.Duration;

/**
 * One connection from the load client to the line server: directly ({@link TcpSession}), through
 * websockify ({@link WebsockifySession}) or through Parley's {@code /ws/session}
 * ({@link ParleySession}). Opening returns once the server's greeting has arrived; every line sent
 * gets exactly one answer, reported to the session's {@link Answers}.
 */
sealed interface BenchSession extends AutoCloseable permits TcpSession, WebSocketBenchSession {

    Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    /** Sends one line (CRLF is added); its answer comes later to the listener. Safe from any thread. */
    void send(String line) throws Exception;

    @Override
    void close();

    /** Where answers go: the server's reply line (for Parley: when its {@code complete} event arrived). */
    interface Answers {

        void answer(String line, long nanos);

        /** The session reported a problem (an {@code error} or {@code closed} event, a broken socket). */
        void failed(String why);
    }
}

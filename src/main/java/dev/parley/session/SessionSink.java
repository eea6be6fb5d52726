package dev.parley.session;

/**
 * Where a live session's events go (a browser's WebSocket, a replay's recorder). {@link #emit}
 * may block: that is how a slow viewer slows the reading of the target (backpressure).
 */
@FunctionalInterface
public interface SessionSink {

    /**
     * @throws InterruptedException when the viewer is gone or stalled for too long; the session then ends
     */
    void emit(SessionEvent event) throws InterruptedException;
}

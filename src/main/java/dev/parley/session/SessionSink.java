package dev.parley.session;

/**
 * Where a live session's events go (a browser's WebSocket, a replay's collector).
 *
 * <p>{@link #emit} is called while the conversation's lock is held, so that events keep the order
 * of their sequence numbers whichever thread made them: it must only queue, never block. Delivery
 * happens in {@link #flush}, which the session calls on its own threads with no lock held; a slow
 * viewer may block it, and {@link #awaitRoom} is where the reader of a target waits for a slow
 * viewer before reading more (backpressure: TCP stops the server, Parley buffers nothing more).
 */
@FunctionalInterface
public interface SessionSink {

    /** Queues one event. Never blocks; called under the conversation's lock. */
    void emit(SessionEvent event);

    /** Delivers what is queued. Called with no lock held; may block while the viewer is slow. */
    default void flush() throws InterruptedException {
    }

    /**
     * Waits while the viewer is too far behind to take more.
     *
     * @return false when the viewer is gone or stalled for too long: the conversation must end
     */
    default boolean awaitRoom() throws InterruptedException {
        return true;
    }
}

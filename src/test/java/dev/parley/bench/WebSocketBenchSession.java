package dev.parley.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What the two WebSocket sessions share: one sender at a time (the JDK's WebSocket allows one
 * outstanding send), an abort to close, and a listener that reports a close or an error as a
 * failure, before the greeting as well as after it.
 */
abstract sealed class WebSocketBenchSession implements BenchSession permits ParleySession, WebsockifySession {

    private final ReentrantLock sendLock = new ReentrantLock();
    /** Set once the handshake is done (by {@code open}); a listener gets its WebSocket as an argument. */
    volatile WebSocket socket;

    /** Sends one message and waits until the JDK took it. */
    final void sendWaiting(Function<WebSocket, CompletableFuture<WebSocket>> send) {
        sendLock.lock();
        try {
            send.apply(socket).join();
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public final void close() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Reports the end of the WebSocket; {@code peer} names who closed it. */
    abstract static class Listener implements WebSocket.Listener {

        final CompletableFuture<Void> greeted;
        final Answers answers;
        private final String peer;

        Listener(CompletableFuture<Void> greeted, Answers answers, String peer) {
            this.greeted = greeted;
            this.answers = answers;
            this.peer = peer;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            answers.failed(peer + " closed the WebSocket: " + statusCode + " " + reason);
            greeted.completeExceptionally(new IllegalStateException("closed before the greeting"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            answers.failed("WebSocket error: " + error);
            greeted.completeExceptionally(error);
        }
    }
}

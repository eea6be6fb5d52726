package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The usual browser-to-TCP bridge: websockify (0.10, Debian) relays WebSocket binary frames to the
 * line server and back, bytes only: no framing, no annotations, no recording. Lines are framed
 * here, in the client.
 */
final class WebsockifySession implements BenchSession {

    private final ReentrantLock sendLock = new ReentrantLock();
    private volatile WebSocket socket;

    private WebsockifySession() {
    }

    static WebsockifySession open(HttpClient client, int port, Answers answers) throws Exception {
        WebsockifySession session = new WebsockifySession();
        CompletableFuture<Void> greeted = new CompletableFuture<>();
        session.socket = client.newWebSocketBuilder().subprotocols("binary")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), session.new Listener(greeted, answers))
                .get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        greeted.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return session;
    }

    @Override
    public void send(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        sendLock.lock();
        try {
            socket.sendBinary(bytes, true).join();
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Frames the relayed bytes into lines; the first line is the greeting. */
    private final class Listener implements WebSocket.Listener {

        private final CompletableFuture<Void> greeted;
        private final Answers answers;
        private final StringBuilder line = new StringBuilder(64);

        Listener(CompletableFuture<Void> greeted, Answers answers) {
            this.greeted = greeted;
            this.answers = answers;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            long now = System.nanoTime();
            while (data.hasRemaining()) {
                byte b = data.get();
                if (b == '\n') {
                    int length = line.length();
                    String text = line.substring(0, length > 0 && line.charAt(length - 1) == '\r' ? length - 1 : length);
                    line.setLength(0);
                    if (!greeted.isDone()) {
                        greeted.complete(null);
                    } else {
                        answers.answer(text, now);
                    }
                } else {
                    line.append((char) (b & 0xFF));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            answers.failed("websockify closed the WebSocket: " + statusCode + " " + reason);
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

package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The usual browser-to-TCP bridge: websockify (0.10, Debian) relays WebSocket binary frames to the
 * line server and back, bytes only: no framing, no annotations, no recording. Lines are framed
 * here, in the client.
 */
final class WebsockifySession extends WebSocketBenchSession {

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
        sendWaiting(ws -> ws.sendBinary(bytes, true));
    }

    /** Frames the relayed bytes into lines; the first line is the greeting. */
    private final class Listener extends WebSocketBenchSession.Listener {

        private final ReplyLines lines;

        Listener(CompletableFuture<Void> greeted, Answers answers) {
            super(greeted, answers, "websockify");
            this.lines = new ReplyLines(greeted, answers);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            long now = System.nanoTime();
            while (data.hasRemaining()) {
                lines.accept(data.get(), now);
            }
            webSocket.request(1);
            return null;
        }
    }
}

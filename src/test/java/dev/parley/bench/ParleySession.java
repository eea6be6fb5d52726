package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A learner's tab as a program: Parley's {@code /ws/session} (CONTRACTS.md §1) with the
 * {@code smtp} dialect connected to the line server. Parley frames every reply, annotates it,
 * records it in a transcript and sends {@code line} and {@code complete} events; an answer counts
 * when its {@code complete} event arrives, carrying the last server line's text.
 */
final class ParleySession extends WebSocketBenchSession {

    private ParleySession() {
    }

    static ParleySession open(HttpClient client, int parleyPort, int lineServerPort, Answers answers) throws Exception {
        ParleySession session = new ParleySession();
        CompletableFuture<Void> greeted = new CompletableFuture<>();
        session.socket = client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + parleyPort + "/ws/session"),
                        session.new Listener(greeted, answers))
                .get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        session.sendText("{\"op\":\"connect\",\"protocol\":\"smtp\",\"host\":\"127.0.0.1\",\"port\":" + lineServerPort
                + ",\"tls\":\"none\"}");
        greeted.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return session;
    }

    @Override
    public void send(String line) {
        sendText("{\"op\":\"send\",\"line\":\"" + Json.escape(line) + "\"}");
    }

    private void sendText(String json) {
        sendWaiting(ws -> ws.sendText(json, true));
    }

    /** Reads the events it needs with a small field scanner: the client must stay cheap beside the server it measures. */
    private final class Listener extends WebSocketBenchSession.Listener {

        private final StringBuilder frame = new StringBuilder(256);
        private String lastServerLine;

        Listener(CompletableFuture<Void> greeted, Answers answers) {
            super(greeted, answers, "Parley");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                long now = System.nanoTime();
                String event = frame.toString();
                frame.setLength(0);
                handle(event, now);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String event, long now) {
            String name = Json.field(event, "event");
            if (name == null) {
                return;
            }
            switch (name) {
                case "line" -> {
                    if ("S".equals(Json.field(event, "dir"))) {
                        lastServerLine = Json.field(event, "text");
                    }
                }
                case "complete" -> {
                    if (!greeted.isDone()) {
                        greeted.complete(null);
                    } else {
                        answers.answer(lastServerLine, now);
                    }
                }
                case "error", "closed" -> {
                    String why = name + ": " + Json.field(event, name.equals("error") ? "message" : "reason");
                    answers.failed(why);
                    greeted.completeExceptionally(new IllegalStateException(why));
                }
                default -> {
                    // connected, notice, pong: nothing to measure.
                }
            }
        }
    }
}

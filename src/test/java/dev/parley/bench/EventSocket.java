package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of Parley's WebSockets as a load client holds it: the JDK's own WebSocket, ops written as
 * JSON, every event taken with the instant it arrived (so a latency is measured where a browser
 * would see it, not after the client got round to reading it).
 */
final class EventSocket implements AutoCloseable {

    /** An event and the {@link System#nanoTime()} its last frame arrived. */
    record Heard(JsonNode event, long at) {
        String name() {
            return event.path("event").asString("");
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a closed socket leaves in the queue, so a waiter wakes up. */
    private static final Heard CLOSED = new Heard(JSON.createObjectNode().put("event", "_closed"), 0);

    private final LinkedBlockingQueue<Heard> events = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private volatile String closeReason;

    private EventSocket(HttpClient http, URI uri, Map<String, String> headers, Consumer<Heard> tap) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    long at = System.nanoTime();
                    Heard heard = new Heard(JSON.readTree(text.toString()), at);
                    text.setLength(0);
                    if (tap != null) {
                        tap.accept(heard);
                    }
                    events.add(heard);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closeReason = status + " " + reason;
                events.add(CLOSED);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeReason = "error: " + error;
                events.add(CLOSED);
            }
        }).join();
    }

    static EventSocket open(HttpClient http, URI uri, Map<String, String> headers, Consumer<Heard> tap) {
        return new EventSocket(http, uri, headers, tap);
    }

    void op(Map<String, ?> fields) {
        socket.sendText(JSON.writeValueAsString(fields), true).join();
    }

    /**
     * The next event named {@code name}; the events before it are passed to {@code seen}.
     *
     * @throws LoadFailure when the socket closes or nothing comes within {@code wait}
     */
    Heard next(String name, Duration wait, Consumer<Heard> seen) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Heard heard = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (heard == null) {
                throw new LoadFailure("timeout", "no " + name + " event within " + wait.toSeconds() + " s");
            }
            if (heard == CLOSED) {
                events.add(CLOSED);
                throw new LoadFailure("closed", "the WebSocket closed (" + closeReason + ") while waiting for " + name);
            }
            if (heard.name().equals(name)) {
                return heard;
            }
            seen.accept(heard);
        }
    }

    /** Forgets the events not yet taken (after a failed run, before the next). */
    void drain() {
        boolean closed = events.contains(CLOSED);
        events.clear();
        if (closed) {
            events.add(CLOSED);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    /** Something that went wrong in a run, with a kind to count it by. */
    static final class LoadFailure extends RuntimeException {

        final String kind;

        LoadFailure(String kind, String message) {
            super(message);
            this.kind = kind;
        }
    }
}

package dev.parley.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client for {@code /ws/session}, as any outside program would use it: it sends
 * JSON ops and collects every event, and waits for the events a learner would wait for.
 */
public final class WsClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One server answer: the lines and literals between a command and its {@code complete} event. */
    public record Answer(List<JsonNode> events, JsonNode complete) {

        /** The server's lines of this answer. */
        public List<String> lines() {
            return linesFrom("S");
        }

        /** The client's lines as they were written (after tagging and dot-stuffing). */
        public List<String> sent() {
            return linesFrom("C");
        }

        private List<String> linesFrom(String dir) {
            return events.stream().filter(e -> e.path("event").asString().equals("line"))
                    .filter(e -> e.path("dir").asString().equals(dir))
                    .map(e -> e.path("text").asString()).toList();
        }

        public List<JsonNode> literals() {
            return events.stream().filter(e -> e.path("event").asString().equals("literal")).toList();
        }

        public String status() {
            return complete.path("status").asString();
        }

        public String firstLine() {
            return lines().isEmpty() ? "" : lines().getFirst();
        }
    }

    private final List<JsonNode> events = new ArrayList<>();
    private final WebSocketSession session;
    private int cursor;

    private WsClient(int port, String cookie) throws Exception {
        this(URI.create("ws://localhost:" + port + "/ws/session"), headers(cookie));
    }

    private static WebSocketHttpHeaders headers(String cookie) {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (cookie != null) {
            headers.add("Cookie", cookie);
        }
        return headers;
    }

    private WsClient(URI uri, WebSocketHttpHeaders headers) throws Exception {
        StandardWebSocketClient client = new StandardWebSocketClient();
        session = client.execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession s, TextMessage message) {
                synchronized (events) {
                    events.add(JSON.readTree(message.getPayload()));
                    events.notifyAll();
                }
            }
        }, headers, uri).get(10, TimeUnit.SECONDS);
    }

    /** Any of Parley's WebSockets ({@code /ws/follow?…}), with the headers a client would send. */
    public static WsClient open(URI uri, WebSocketHttpHeaders headers) throws Exception {
        return new WsClient(uri, headers);
    }

    /** A WebSocket of a browser Parley has not seen before: it gets an identity of its own. */
    public static WsClient open(int port) throws Exception {
        return new WsClient(port, null);
    }

    /** A WebSocket of the browser whose identity cookie is {@code cookie} ({@code parley_id=…}). */
    public static WsClient open(int port, String cookie) throws Exception {
        return new WsClient(port, cookie);
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    public void sendRaw(String frame) throws Exception {
        session.sendMessage(new TextMessage(frame));
    }

    public void op(Map<String, Object> fields) throws Exception {
        sendRaw(JSON.writeValueAsString(fields));
    }

    /** Connects and waits for {@code connected} (and {@code tls} for implicit TLS). */
    public JsonNode connect(String protocol, String host, int port, String tls) throws Exception {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", "connect");
        op.put("protocol", protocol);
        op.put("host", host);
        op.put("port", port);
        op.put("tls", tls);
        op(op);
        return next("connected");
    }

    /** Connects and returns the greeting (the first complete answer). */
    public Answer greeting(String protocol, String host, int port, String tls) throws Exception {
        connect(protocol, host, port, tls);
        return answer();
    }

    /** Sends a line and returns the server's complete answer to it. */
    public Answer exchange(String line) throws Exception {
        send(line);
        return answer();
    }

    public void send(String line) throws Exception {
        op(Map.of("op", "send", "line", line));
    }

    public void payload(String text) throws Exception {
        op(Map.of("op", "payload", "text", text));
    }

    /** Waits for the next {@code complete} event and returns it with the events since the last answer. */
    public Answer answer() throws Exception {
        int from = cursor;
        JsonNode complete = next("complete");
        List<JsonNode> between;
        synchronized (events) {
            // next() left the cursor just past this complete: an equal earlier node must not be taken for it.
            between = new ArrayList<>(events.subList(from, cursor - 1));
        }
        return new Answer(between, complete);
    }

    /** The next event of that name after the cursor; moves the cursor past it. */
    public JsonNode next(String name) throws Exception {
        return next(e -> e.path("event").asString().equals(name), name);
    }

    public JsonNode next(Predicate<JsonNode> wanted, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (events) {
            while (true) {
                for (int i = cursor; i < events.size(); i++) {
                    if (wanted.test(events.get(i))) {
                        cursor = i + 1;
                        return events.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                assertThat(left).as("waiting for %s; events so far: %s", what, events).isPositive();
                events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    public List<JsonNode> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close(CloseStatus.NORMAL);
        }
    }
}

package dev.parley.bench;

import dev.parley.bench.EventSocket.Heard;
import dev.parley.bench.EventSocket.LoadFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * One simulated attendee: joins with a name (the identity cookie comes back), holds a WebSocket
 * like their page does, and runs the SMTP walkthrough with their own address, mailing a classmate.
 * Each answered line's latency is the time from writing the op to the arrival of its
 * {@code complete} event: what the attendee waits for after pressing Enter.
 */
final class LoadAttendee {

    static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

    final int index;
    final String name;
    String id;
    String address;
    private String cookie;
    private String smtpHost;
    private int smtpPort;
    private EventSocket socket;

    LoadAttendee(int index) {
        this.index = index;
        this.name = "Load " + index;
    }

    /** POST /api/workshops/{code}/join; the cookie is read from Set-Cookie as a browser would keep it. */
    void join(HttpClient http, URI base, String code) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/workshops/" + code + "/join"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(EventSocket.JSON.writeValueAsString(Map.of("name", name))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new LoadFailure("join", "join answered " + r.statusCode() + ": " + r.body());
        }
        cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("parley_id="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new LoadFailure("join", "the join answer set no identity cookie"));
        JsonNode body = EventSocket.JSON.readTree(r.body());
        id = body.path("attendee").path("id").asString();
        address = body.path("mailbox").path("address").asString();
        smtpHost = body.path("practice").path("smtp").path("host").asString("localhost");
        smtpPort = body.path("practice").path("smtp").path("port").asInt();
    }

    void connect(HttpClient http, URI base) {
        socket = EventSocket.open(http, ws(base, "/ws/session"), Map.of("Cookie", cookie), null);
    }

    static URI ws(URI base, String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + path);
    }

    /**
     * The SMTP walkthrough once: connect, EHLO, MAIL FROM (their own address), RCPT TO (a
     * classmate), DATA, the message, QUIT. {@code sent} hears each line as it is written (the
     * follow lag is measured from it).
     */
    void walkthrough(int run, String to, LoadStats stats, BiConsumer<String, Long> sent) throws InterruptedException {
        long t0 = System.nanoTime();
        Map<String, Object> connect = new LinkedHashMap<>();
        connect.put("op", "connect");
        connect.put("protocol", "smtp");
        connect.put("host", smtpHost);
        connect.put("port", smtpPort);
        connect.put("tls", "none");
        socket.op(connect);
        next("connected");
        answered("greeting", t0, "ok", stats);
        List<String> lines = List.of("EHLO load-" + index + "-" + run + ".example", "MAIL FROM:<" + address + ">",
                "RCPT TO:<" + to + ">", "DATA");
        for (String line : lines) {
            long t = System.nanoTime();
            sent.accept(line, t); // before the op: the follower may see the line before op() returns
            socket.op(Map.of("op", "send", "line", line));
            answered(line.substring(0, 4), t, line.equals("DATA") ? "continue" : "ok", stats);
        }
        long t = System.nanoTime();
        socket.op(Map.of("op", "payload", "text", "Subject: load run " + run + "\r\n\r\nFrom " + name
                + ", walkthrough " + run + ".\r\n"));
        answered("payload", t, "ok", stats);
        t = System.nanoTime();
        sent.accept("QUIT", t);
        socket.op(Map.of("op", "send", "line", "QUIT"));
        answered("QUIT", t, "ok", stats);
        next("closed");
    }

    /** Waits for the answer; its latency counts as a "line" (the greeting apart) and under its own command. */
    private void answered(String kind, long t0, String expected, LoadStats stats) throws InterruptedException {
        Heard complete = next("complete");
        long nanos = complete.at() - t0;
        if (!kind.equals("greeting")) {
            stats.latency("line", nanos);
            kind = "line " + kind;
        }
        stats.latency(kind, nanos);
        String status = complete.event().path("status").asString();
        if (!status.equals(expected)) {
            throw new LoadFailure("refused", name + ": expected " + expected + " but the answer was " + status);
        }
    }

    private Heard next(String event) throws InterruptedException {
        return socket.next(event, ANSWER_WAIT, heard -> {
            if (heard.name().equals("error")) {
                throw new LoadFailure("error-event", name + ": " + heard.event().path("code").asString() + " "
                        + heard.event().path("message").asString());
            }
        });
    }

    /** After a failure mid-walkthrough: drop the target connection so the next run starts clean. */
    void reset() throws InterruptedException {
        try {
            socket.op(Map.of("op", "disconnect"));
        } catch (RuntimeException e) {
            // the WebSocket itself is gone; the next run fails and says so
        }
        Thread.sleep(500);
        socket.drain();
    }

    void close() {
        if (socket != null) {
            socket.close();
        }
    }
}

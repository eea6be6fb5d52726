package dev.parley.matrix;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import dev.parley.support.WsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three front doors of issue #9's matrix, as one browser (one identity, cookies kept): a live
 * session, a replay, a library call. Each says whether the target was reached, and if not, the
 * error code the door answered with.
 */
final class Doors {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final CookieManager cookies;
    private final HttpClient http;

    Doors(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    String cookie() throws Exception {
        if (cookies.getCookieStore().getCookies().isEmpty()) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("parley_id"))
                .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
    }

    /** A live session's connect: "connected", or the error event's code. */
    String live(String host, int target) throws Exception {
        try (WsClient ws = WsClient.open(port, cookie())) {
            ws.op(Map.of("op", "connect", "protocol", "smtp", "host", host, "port", target));
            JsonNode first = ws.next(e -> e.path("event").asString().equals("connected")
                    || e.path("event").asString().equals("error"), "connected or error");
            return first.path("event").asString().equals("connected") ? "connected" : first.path("code").asString();
        }
    }

    /** A replay: "passed", or its problem's status or failure code. */
    String replay(String host, int target) throws Exception {
        String body = JSON.writeValueAsString(Map.of("target", Map.of("protocol", "smtp", "host", host, "port", target),
                "transcript", "S: 220 <ready>\nC: QUIT\nS: 221 <bye>\n"));
        HttpResponse<String> response = post("/api/replay", body);
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() == 200 && json.path("passed").asBoolean()) {
            return "passed";
        }
        return response.statusCode() + " " + json.path("error").path("code").asString(json.path("code").asString(""));
    }

    /** A library http.get: "200", or the problem's status. */
    String library(String host, int target) throws Exception {
        String body = JSON.writeValueAsString(Map.of("target", Map.of("protocol", "http", "host", host, "port", target,
                "tls", "none"), "call", "http.get", "args", Map.of("path", "/")));
        HttpResponse<String> response = post("/api/library", body);
        return response.statusCode() == 200 ? "200" : response.statusCode() + " " + JSON.readTree(response.body())
                .path("title").asString();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

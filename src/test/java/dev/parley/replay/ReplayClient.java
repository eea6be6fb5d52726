package dev.parley.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/replay} and the transcript exports over real HTTP, for the replay tests. */
public final class ReplayClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Reply(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final int port;
    /** One browser: it keeps its cookies, so its replays and their transcripts are one identity's. */
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    public ReplayClient(int port) {
        this.port = port;
    }

    public Reply replay(Map<String, ?> body) throws IOException, InterruptedException {
        return replay(body, "", null);
    }

    /** @param query e.g. {@code ?format=junit}; {@code accept} null for none */
    public Reply replay(Map<String, ?> body, String query, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/replay" + query))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    public static Map<String, Object> target(String protocol, String host, int port) {
        return Map.of("protocol", protocol, "host", host, "port", port, "tls", "none");
    }
}

package dev.parley.library;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls {@code /api/library} over real HTTP, as the page does, and keeps the raw body for "no password anywhere" checks. */
public final class LibraryClient {

    /** One answer: status, content type, the body as sent and parsed. */
    public record Answer(int status, String contentType, String body, JsonNode json) {

        public List<String> trace() {
            return json.path("trace").valueStream().map(JsonNode::asString).toList();
        }

        public JsonNode result() {
            return json.path("result");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One browser: it keeps its cookies, so its calls and their transcripts are one identity's. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new java.net.CookieManager()).build();
    private final int appPort;

    public LibraryClient(int appPort) {
        this.appPort = appPort;
    }

    public Answer call(String protocol, String host, int port, String tls, String user, String password, String call,
            Map<String, String> args) throws Exception {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("protocol", protocol);
        target.put("host", host);
        target.put("port", port);
        target.put("tls", tls);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("username", user);
        body.put("password", password);
        body.put("call", call);
        body.put("args", args);
        return post("/api/library", JSON.writeValueAsString(body));
    }

    public Answer post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    public Answer get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path)).GET().build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Answer answer(HttpResponse<String> response) {
        String type = response.headers().firstValue("content-type").orElse("");
        JsonNode json = type.contains("json") ? JSON.readTree(response.body()) : JSON.missingNode();
        return new Answer(response.statusCode(), type, response.body(), json);
    }
}

package dev.parley.workshop;

import dev.parley.support.HostedParleyTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser or a script talking to a hosted Parley: it keeps its cookies (one identity), and as
 * the instructor it sends HTTP Basic with the test password.
 */
final class WorkshopClient {

    record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final boolean instructor;

    private WorkshopClient(int port, boolean instructor) {
        this.base = "http://127.0.0.1:" + port;
        this.instructor = instructor;
    }

    static WorkshopClient instructor(int port) {
        return new WorkshopClient(port, true);
    }

    static WorkshopClient browser(int port) {
        return new WorkshopClient(port, false);
    }

    Reply get(String path) throws Exception {
        return send(request(path).GET());
    }

    Reply delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    Reply post(String path, Object body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    byte[] bytes(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** This browser's identity cookie ({@code parley_id=…}), for its WebSockets. */
    String cookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("parley_id"))
                .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("instructor:" + HostedParleyTest.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (instructor) {
            request.header("Authorization", basic());
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}

package dev.parley.cluster;

import dev.parley.support.WsClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.web.socket.WebSocketHttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser against the cluster: its cookies (the identity cookie, the instructor's SESSION)
 * go wherever it talks to — nginx or one instance directly — as a browser's would for one site.
 */
final class Browser {

    record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    Reply get(URI base, String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(URI base, String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** The instructor's form login (Spring Security): the SESSION cookie it sets is shared by every instance. */
    void logIn(URI base, String password) throws Exception {
        Reply reply = send(HttpRequest.newBuilder(base.resolve("/instructor/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=instructor&password="
                        + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))));
        if (reply.status() != 302) {
            throw new AssertionError("login failed: " + reply);
        }
    }

    /** The {@code Cookie} header this browser sends to any of the cluster's addresses (all loopback). */
    String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
    }

    WsClient session(URI base) throws Exception {
        return socket(base, "/ws/session");
    }

    WsClient socket(URI base, String pathAndQuery) throws Exception {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Cookie", cookieHeader());
        return WsClient.open(URI.create(base.toString().replace("http://", "ws://") + pathAndQuery), headers);
    }

    Map<String, Object> smtp() {
        return Map.of("host", "127.0.0.1", "port", 9025);
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}

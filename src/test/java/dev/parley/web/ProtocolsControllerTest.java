package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page's presets come from the running practice servers, not from fixed ports. */
@ParleyTest
class ProtocolsControllerTest {

    @LocalServerPort
    int appPort;

    @Autowired
    PracticeServers practice;

    @Autowired
    JsonMapper json;

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void listsEveryProtocolWithItsPortsPracticePresetsAndSteps() throws Exception {
        HttpResponse<String> response = get("/api/protocols");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        assertThat(list.size()).isEqualTo(5);
        JsonNode smtp = list.get(0);
        assertThat(smtp.path("id").asString()).isEqualTo("smtp");
        assertThat(smtp.path("defaultPort").asInt()).isEqualTo(25);
        assertThat(smtp.path("defaultTlsPort").asInt()).isEqualTo(465);
        JsonNode plain = smtp.path("practice").get(0);
        assertThat(plain.path("tls").asString()).isEqualTo("none");
        assertThat(plain.path("port").asInt()).isEqualTo(practice.endpoint("smtp", "none").port());
        assertThat(smtp.path("practice").get(1).path("port").asInt())
                .isEqualTo(practice.endpoint("smtp", "implicit").port());
        assertThat(smtp.path("steps").get(1).path("line").asString()).isEqualTo("EHLO parley.local");
        // The walkthrough names the ports the practice servers really have (tests take free ones).
        int smtpPort = practice.endpoint("smtp", "none").port();
        int smtpsPort = practice.endpoint("smtp", "implicit").port();
        assertThat(smtp.path("steps").get(0).path("explanation").asString())
                .contains("the practice server on " + smtpPort + " (" + smtpsPort + " with TLS)");
        assertThat(list.get(2).path("steps").get(0).path("explanation").asString())
                .contains("on " + practice.endpoint("imap", "none").port() + " (");
        assertThat(list.get(4).path("id").asString()).isEqualTo("raw");
        assertThat(list.get(4).path("steps").size()).isZero();
    }

    @Test
    void thePageLoadsItsScriptAndStyleAsFilesUnderAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app.js\"></script>", "href=\"/app.css\"")
                .doesNotContain(" onclick=", " style=");
    }
}

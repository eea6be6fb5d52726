package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What each mode exposes (issue #9, CONTRACTS.md §6). Before: Tomcat listened on {@code *:8080},
 * so anyone on the same Wi-Fi had a proxy into the learner's localhost; Swagger UI and the API
 * docs were always on.
 */
class ModeDefaultsTest {

    private static ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--server.port=0";
        args[1] = "--parley.practice.enabled=false";
        args[2] = "--spring.datasource.url=jdbc:h2:mem:modes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        args[3] = "--logging.level.root=WARN";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return SpringApplication.run(ParleyApplication.class, args);
    }

    private static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Connector connector(ConfigurableApplicationContext context) {
        return ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat().getConnector();
    }

    @Test
    void aLaptopListensOnLoopbackOnlyAndDocumentsItsApi() throws Exception {
        try (ConfigurableApplicationContext laptop = start()) {
            assertThat(String.valueOf(connector(laptop).getProperty("address"))).contains("127.0.0.1");
            int port = ((WebServerApplicationContext) laptop).getWebServer().getPort();
            assertThat(status(port, "/v3/api-docs")).isEqualTo(200);
            assertThat(status(port, "/actuator/health")).isEqualTo(200);
            assertThat(status(port, "/actuator/env")).isEqualTo(404);
        }
    }

    @Test
    void anExplicitAddressWins() {
        try (ConfigurableApplicationContext container = start("--server.address=0.0.0.0")) {
            assertThat(String.valueOf(connector(container).getProperty("address"))).contains("0.0.0.0");
        }
    }

    @Test
    void aHostedServerHidesItsApiDocsAndShowsOnlyHealth() throws Exception {
        try (ConfigurableApplicationContext hosted = start("--parley.mode=hosted", "--server.address=127.0.0.1",
                "--parley.workshop.instructor-password=correct-horse")) {
            int port = ((WebServerApplicationContext) hosted).getWebServer().getPort();
            assertThat(status(port, "/v3/api-docs")).isEqualTo(404);
            assertThat(status(port, "/swagger-ui.html")).isEqualTo(404);
            assertThat(status(port, "/actuator/health")).isEqualTo(200);
            assertThat(status(port, "/actuator/env")).isEqualTo(404);
            assertThat(status(port, "/api/transcripts")).as("no identity, no transcripts").isEqualTo(401);
        }
    }
}

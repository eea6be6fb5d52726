package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.awaitility.Awaitility.await;

/**
 * Transcripts belong to who made them (issue #9). Before: anyone could list every transcript, read
 * any and DELETE any (204). Now a second browser sees none of the first one's through the API —
 * not in the list, not by id (404, as if it did not exist), not to delete — while the share link
 * stays readable by whoever holds it.
 */
@ParleyTest
class OwnershipTest {

    @LocalServerPort
    int port;

    @Autowired
    PracticeServers practice;

    @Test
    void aSecondIdentityCannotListReadOrDeleteTheFirstOnesTranscripts() throws Exception {
        Api alice = new Api(port);
        Api mallory = new Api(port);
        String imported = alice.post("/api/transcripts", "text/plain",
                "# protocol: smtp\nS: 220 ready\nC: QUIT\nS: 221 bye\n".getBytes(StandardCharsets.UTF_8))
                .json().path("id").asString();
        String recorded;
        try (WsClient ws = WsClient.open(port, alice.identityCookie())) {
            String conversation = ws.connect("smtp", "localhost", practice.endpoint("smtp", "none").port(), "none")
                    .path("session").asString();
            recorded = alice.get("/api/transcripts/by-conversation/" + conversation).json().path("id").asString();
            ws.answer();
            ws.exchange("QUIT");
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> alice.get("/api/transcripts").json().path("items").size() == 2);

        assertThat(mallory.get("/api/transcripts").json().path("items")).isEmpty();
        assertThat(mallory.get("/api/transcripts").json().path("total").asInt()).isZero();
        for (String id : new String[] {imported, recorded}) {
            assertThat(mallory.get("/api/transcripts/" + id).status()).isEqualTo(404);
            assertThat(mallory.get("/api/transcripts/" + id + ".txt").status()).isEqualTo(404);
            assertThat(mallory.get("/api/transcripts/" + id + ".svg").status()).isEqualTo(404);
            assertThat(mallory.delete("/api/transcripts/" + id).status()).isEqualTo(404);
            // The share link is the permission to read, for whoever holds it.
            assertThat(mallory.get("/t/" + id).status()).isEqualTo(200);
            assertThat(mallory.get("/t/" + id + "/transcript.json").status()).isEqualTo(200);
            assertThat(mallory.get("/t/" + id + "/transcript.txt").body()).contains("C: QUIT");
            // ...and nothing happened to them.
            assertThat(alice.get("/api/transcripts/" + id).status()).isEqualTo(200);
        }
        assertThat(alice.delete("/api/transcripts/" + imported).status()).isEqualTo(204);
        assertThat(alice.get("/api/transcripts").json().path("items").size()).isEqualTo(1);
    }

    @Test
    void everyBrowserGetsAnHttpOnlySameSiteIdentityCookie() throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).matches("parley_id=[A-Za-z0-9_-]{22};.*").contains("HttpOnly", "SameSite=Lax", "Path=/");
        assertThat(new Api(port).identityCookie()).as("one identity per browser").isNotEqualTo(cookie.split(";")[0]);
    }
}

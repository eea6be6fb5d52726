package dev.parley.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.HostedParleyTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #9's end-to-end matrix on a hosted server: the three doors × allowed and denied targets ×
 * IPv4 and IPv6. A hosted Parley reaches its practice servers and what is allowed for the session
 * (here a workshop's own target list, which opens [::1]); every loopback or private address
 * otherwise is refused and never sees a connection. All targets are on loopback.
 */
@HostedParleyTest
class HostedMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    PracticeServers practice;

    /** An attendee of a new workshop whose extra targets are {@code targets}. */
    private Doors attendee(List<String> targets) throws Exception {
        HttpClient instructor = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("instructor:" + HostedParleyTest.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String created = instructor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/workshops"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Doors.JSON.writeValueAsString(Map.of("title", "matrix",
                        "targets", targets)))).build(), HttpResponse.BodyHandlers.ofString()).body();
        String code = Doors.JSON.readTree(created).path("code").asString();
        CookieManager cookies = new CookieManager();
        HttpClient.newBuilder().cookieHandler(cookies).build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/api/workshops/" + code + "/join")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Matrix\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        return new Doors(port, cookies);
    }

    @Test
    void thePracticeServersAreReachableThroughEveryDoor() throws Exception {
        Doors doors = attendee(List.of());
        assertThat(doors.live("localhost", practice.endpoint("smtp", "none").port())).isEqualTo("connected");
        assertThat(doors.replay("127.0.0.1", practice.endpoint("smtp", "none").port())).isEqualTo("passed");
        assertThat(doors.library("localhost", practice.endpoint("http", "none").port())).isEqualTo("200");
    }

    @Test
    void anAllowedIpv6TargetIsReachableThroughEveryDoor() throws Exception {
        Doors doors = attendee(List.of("[::1/128]:*"));
        try (Probe smtp = new Probe("::1", Probe.Kind.SMTP); Probe http = new Probe("::1", Probe.Kind.HTTP)) {
            assertThat(doors.live("[::1]", smtp.port())).isEqualTo("connected");
            assertThat(doors.replay("[::1]", smtp.port())).isEqualTo("passed");
            assertThat(doors.library("[::1]", http.port())).isEqualTo("200");
            assertThat(smtp.accepted() + http.accepted()).isEqualTo(3);
        }
    }

    @Test
    void loopbackThatIsNotAllowedIsRefusedByEveryDoorAndNeverConnected() throws Exception {
        Doors opened6 = attendee(List.of("[::1/128]:*"));
        Doors plain = attendee(List.of());
        for (String loopback : List.of("127.0.0.1", "::1")) {
            Doors doors = loopback.equals("::1") ? plain : opened6;
            String host = loopback.contains(":") ? "[" + loopback + "]" : loopback;
            try (Probe smtp = new Probe(loopback, Probe.Kind.SMTP); Probe http = new Probe(loopback, Probe.Kind.HTTP)) {
                assertThat(doors.live(host, smtp.port())).as(host).isEqualTo("TARGET_DENIED");
                assertThat(doors.replay(host, smtp.port())).as(host).doesNotContain("passed");
                assertThat(doors.library(host, http.port())).as(host).startsWith("403");
                assertThat(smtp.accepted() + http.accepted()).as("connections that reached %s", host).isZero();
            }
        }
    }
}

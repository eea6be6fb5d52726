package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.replay.ReplayClient;
import dev.parley.support.ParleyTest;
import dev.parley.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The per-client caps (issue #9), switched on as a hosted server has them, through the real doors.
 * Before: one client held 500 sessions, and a 10,000-op burst of {@code send} was all relayed.
 * Each refusal is a LIMIT error (or 429) that names its setting, and what was open stays usable.
 */
@ParleyTest
@TestPropertySource(properties = {"parley.limits.websockets-per-client=2", "parley.limits.conversations-per-client=1",
    "parley.limits.sends-per-second=5", "parley.limits.replays-per-minute=2"})
class ClientCapsTest {

    @LocalServerPort
    int port;

    @Autowired
    PracticeServers practice;

    @Test
    void aClientMayHoldOnlySoManyWebSocketsAndTheRestAreToldWhy() throws Exception {
        Api browser = new Api(port);
        List<WsClient> open = new ArrayList<>();
        try {
            open.add(WsClient.open(port, browser.identityCookie()));
            open.add(WsClient.open(port, browser.identityCookie()));
            WsClient third = WsClient.open(port, browser.identityCookie());
            open.add(third);
            JsonNode refused = third.next("error");
            assertThat(refused.path("code").asString()).isEqualTo("LIMIT");
            assertThat(refused.path("message").asString()).contains("parley.limits.websockets-per-client");
            // Another person is not counted with this one.
            try (WsClient other = WsClient.open(port, new Api(port).identityCookie())) {
                other.op(Map.of("op", "ping"));
                other.next("pong");
            }
            open.getFirst().op(Map.of("op", "ping"));
            open.getFirst().next("pong");
        } finally {
            for (WsClient ws : open) {
                ws.close();
            }
        }
    }

    @Test
    void aClientMayHoldOneConversationAndMaySendFiveLinesASecond() throws Exception {
        Api browser = new Api(port);
        int smtp = practice.endpoint("smtp", "none").port();
        try (WsClient first = WsClient.open(port, browser.identityCookie());
                WsClient second = WsClient.open(port, browser.identityCookie())) {
            first.greeting("smtp", "localhost", smtp, "none");
            second.op(Map.of("op", "connect", "protocol", "smtp", "host", "localhost", "port", smtp));
            JsonNode refused = second.next("error");
            assertThat(refused.path("message").asString()).contains("parley.limits.conversations-per-client");

            for (int i = 0; i < 50; i++) {
                first.send("NOOP");
            }
            JsonNode tooFast = first.next(e -> e.path("event").asString().equals("error"), "a LIMIT error");
            assertThat(tooFast.path("message").asString()).contains("parley.limits.sends-per-second");
            long relayed = first.events().stream().filter(e -> e.path("event").asString().equals("line"))
                    .filter(e -> e.path("dir").asString().equals("C")).count();
            assertThat(relayed).as("lines that went to the server out of 50 sent at once").isBetween(5L, 7L);
        }
    }

    @Test
    void aClientMayStartOnlySoManyReplaysAMinute() throws Exception {
        ReplayClient client = new ReplayClient(port);
        Map<String, Object> body = Map.of("target", ReplayClient.target("smtp", "localhost",
                practice.endpoint("smtp", "none").port()), "transcript", "S: 220 <ready>\nC: QUIT\nS: 221 <bye>\n");
        assertThat(client.replay(body).status()).isEqualTo(200);
        assertThat(client.replay(body).status()).isEqualTo(200);
        ReplayClient.Reply third = client.replay(body);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body()).contains("parley.limits.replays-per-minute", "try again in");
    }
}

package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What a browser may send is bounded separately and sensibly (issue #8, item 1): a typed line by
 * {@code parley.limits.max-line-length}, a payload by {@code max-payload}, a whole frame by a
 * little more than that. Each refusal is a LIMIT error naming the limit, never a bare close
 * {@code 1009}, and the WebSocket goes on. A long payload still arrives whole although the
 * container's per-socket buffer is small: it comes in parts and is joined while in flight.
 */
@ParleyTest
class BrowserFrameLimitsTest {

    @LocalServerPort
    int appPort;

    @Autowired
    PracticeServers practice;

    WsClient ws;

    @BeforeEach
    void open() throws Exception {
        ws = WsClient.open(appPort);
    }

    @AfterEach
    void close() throws Exception {
        ws.close();
    }

    private void assertStillUsable() throws Exception {
        ws.op(Map.of("op", "ping"));
        ws.next("pong");
        assertThat(ws.isOpen()).isTrue();
    }

    private JsonNode limitError() throws Exception {
        JsonNode error = ws.next("error");
        assertThat(error.path("code").asString()).isEqualTo("LIMIT");
        return error;
    }

    @Test
    void aTypedLineOverTheLineLimitIsRefusedByName() throws Exception {
        ws.greeting("smtp", "localhost", practice.endpoint("smtp", "none").port(), "none");
        ws.send("NOOP " + "x".repeat(5000));
        assertThat(limitError().path("message").asString()).contains("parley.limits.max-line-length", "4 KB");
        assertThat(ws.exchange("NOOP").firstLine()).startsWith("250");
    }

    @Test
    void aPayloadOverThePayloadLimitIsRefusedByName() throws Exception {
        ws.payload("y".repeat(1024 * 1024 + 10));
        assertThat(limitError().path("message").asString()).contains("parley.limits.max-payload", "1 MB");
        assertStillUsable();
    }

    @Test
    void aFrameOverTheFrameLimitIsRefusedAndTheSocketStaysOpen() throws Exception {
        ws.sendRaw("{\"op\":\"payload\",\"text\":\"" + "z".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(limitError().path("message").asString()).contains("2 MB", "at most");
        assertStillUsable();
    }

    @Test
    void aLongPayloadArrivesWholeThroughTheSmallBuffer() throws Exception {
        ws.greeting("smtp", "localhost", practice.endpoint("smtp", "none").port(), "none");
        ws.exchange("EHLO parley.test");
        ws.exchange("MAIL FROM:<learner@parley.test>");
        ws.exchange("RCPT TO:<frobozz@localhost>");
        assertThat(ws.exchange("DATA").firstLine()).startsWith("354");
        String body = "Subject: a long one\r\n\r\n" + ("A line of a long message body, to be sent in parts.\r\n").repeat(12_000);
        ws.payload(body);
        WsClient.Answer stored = ws.answer();
        assertThat(stored.firstLine()).startsWith("250");
        assertThat(stored.sent()).hasSizeGreaterThan(12_000);
    }
}

package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.ScriptedServer;
import dev.parley.support.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every failure a learner can meet on {@code /ws/session} becomes an {@code error} or
 * {@code closed} event with a sentence, and the same WebSocket can connect again afterwards.
 */
@ParleyTest
class SessionFailureTest {

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

    /** The WebSocket still works: a new connection to the practice SMTP server is greeted. */
    private void assertStillUsable() throws Exception {
        int smtp = practice.endpoint("smtp", "none").port();
        WsClient.Answer greeting = ws.greeting("smtp", "localhost", smtp, "none");
        assertThat(greeting.firstLine()).startsWith("220 ");
        ws.op(Map.of("op", "disconnect"));
        assertThat(ws.next("closed").path("by").asString()).isEqualTo("client");
    }

    private JsonNode error() throws Exception {
        return ws.next("error");
    }

    @Test
    void unknownOpIsABadRequest() throws Exception {
        ws.op(Map.of("op", "shout"));
        JsonNode error = error();
        assertThat(error.path("code").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("message").asString()).contains("shout", "connect, send");
        assertStillUsable();
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        ws.sendRaw("{\"op\": \"send\", ");
        JsonNode error = error();
        assertThat(error.path("code").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("message").asString()).contains("not valid JSON");
        assertStillUsable();
    }

    @Test
    void sendBeforeConnectIsNotConnected() throws Exception {
        ws.send("EHLO me");
        JsonNode error = error();
        assertThat(error.path("code").asString()).isEqualTo("NOT_CONNECTED");
        assertThat(error.path("message").asString()).contains("connect first");
        assertStillUsable();
    }

    @Test
    void unknownProtocolAndBadPortAreBadRequests() throws Exception {
        ws.op(Map.of("op", "connect", "protocol", "gopher", "host", "localhost", "port", 70));
        assertThat(error().path("message").asString()).contains("gopher", "smtp, pop3, imap, http or raw");
        ws.op(Map.of("op", "connect", "protocol", "smtp", "host", "localhost", "port", 70000));
        assertThat(error().path("message").asString()).contains("1 to 65535");
        assertStillUsable();
    }

    @Test
    void lineWithALineBreakIsRefusedBeforeAnythingIsSent() throws Exception {
        ws.greeting("smtp", "localhost", practice.endpoint("smtp", "none").port(), "none");
        ws.send("MAIL FROM:<a@b>\r\nRCPT TO:<c@d>");
        assertThat(error().path("message").asString()).contains("line breaks");
        assertThat(ws.exchange("NOOP").firstLine()).startsWith("250");
    }

    @Test
    void refusedPortIsConnectFailedAndReconnectWorks() throws Exception {
        int refused = ScriptedServer.refusedPort();
        ws.op(Map.of("op", "connect", "protocol", "smtp", "host", "127.0.0.1", "port", refused, "tls", "none"));
        JsonNode error = error();
        assertThat(error.path("code").asString()).isEqualTo("CONNECT_FAILED");
        assertThat(error.path("message").asString()).contains("connection refused", String.valueOf(refused));
        assertStillUsable();
    }

    @Test
    void unknownHostIsConnectFailed() throws Exception {
        ws.op(Map.of("op", "connect", "protocol", "smtp", "host", "no-such-host.invalid", "port", 25));
        JsonNode error = error();
        assertThat(error.path("code").asString()).isEqualTo("CONNECT_FAILED");
        assertThat(error.path("message").asString()).contains("no-such-host.invalid", "could not be found");
        assertStillUsable();
    }

    @Test
    void tlsToAPlainPortIsTlsFailed() throws Exception {
        int plain = practice.endpoint("smtp", "none").port();
        ws.connect("smtp", "localhost", plain, "implicit");
        JsonNode error = error();
        assertThat(error.path("code").asString()).isEqualTo("TLS_FAILED");
        assertThat(error.path("message").asString()).contains("TLS handshake");
        assertThat(ws.next("closed").path("by").asString()).isEqualTo("error");
        assertStillUsable();
    }

    @Test
    void serverClosingMidAnswerIsReportedWithTheCommand() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "220 ready\r\n");
            ScriptedServer.readLine(in);
            ScriptedServer.write(out, "250-half an answer\r\n");
        })) {
            ws.greeting("smtp", "127.0.0.1", server.port(), "none");
            ws.send("EHLO me");
            JsonNode closed = ws.next("closed");
            assertThat(closed.path("by").asString()).isEqualTo("server");
            assertThat(closed.path("reason").asString()).contains("before it finished answering", "EHLO me");
            assertThat(ws.events()).anyMatch(e -> e.path("text").asString().equals("250-half an answer"));
        }
        assertStillUsable();
    }

    @Test
    void serverThatNeverAnswersIsReportedAndTheSessionStaysOpen() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.readLine(in);
        })) {
            ws.connect("smtp", "127.0.0.1", server.port(), "none");
            JsonNode error = error();
            assertThat(error.path("code").asString()).isEqualTo("TIMEOUT");
            assertThat(error.path("message").asString()).contains("has not answered", "2 seconds");
            ws.op(Map.of("op", "disconnect"));
            assertThat(ws.next("closed").path("by").asString()).isEqualTo("client");
        }
        assertStillUsable();
    }

    @Test
    void overlongLineEndsTheSessionWithALimitError() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "220 " + "x".repeat(10_000) + "\r\n");
            ScriptedServer.readLine(in);
        })) {
            ws.connect("smtp", "127.0.0.1", server.port(), "none");
            JsonNode error = error();
            assertThat(error.path("code").asString()).isEqualTo("LIMIT");
            assertThat(error.path("message").asString()).contains("4,096");
            assertThat(ws.next("closed").path("by").asString()).isEqualTo("limit");
        }
        assertStillUsable();
    }

    @Test
    void closingTheWebSocketClosesTheTargetWithinASecond() throws Exception {
        java.util.concurrent.atomic.AtomicLong endOfStream = new java.util.concurrent.atomic.AtomicLong();
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "220 ready\r\n");
            socket.setSoTimeout(5000);
            assertThat(in.read()).as("the target sees its connection end").isEqualTo(-1);
            endOfStream.set(System.nanoTime());
        })) {
            ws.greeting("smtp", "127.0.0.1", server.port(), "none");
            long closedAt = System.nanoTime();
            ws.close();
            server.awaitScript(5);
            assertThat((endOfStream.get() - closedAt) / 1_000_000).isLessThan(1000);
        }
    }
}

package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.ParleyTest;
import dev.parley.support.ScriptedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A browser that stops reading its WebSocket (issue #8, items 1 and 8), with a real browser-side
 * client that takes one event and then no more (the JDK's WebSocket stops reading its socket
 * without demand, as a frozen tab does). The flooding server must be held back by TCP, Parley
 * must drop the browser after the stall timeout, and a browser that leaves while Parley waits
 * for it must free the target at once, not after the stall timeout.
 */
@ParleyTest
@TestPropertySource(properties = {"parley.limits.browser-stall-timeout=5s", "parley.limits.browser-buffer=64KB"})
@Timeout(60)
class SlowBrowserTest {

    @LocalServerPort
    int appPort;

    /**
     * A server that writes complete SMTP replies as fast as it can until its socket breaks, and notes
     * when that was. Every reply is an answer of its own, so every line is shown (one endless answer
     * would be shown up to the per-answer limit and then only counted).
     */
    private static ScriptedServer flood(AtomicLong written, AtomicLong brokeAt) throws Exception {
        byte[] lines = ("250 flood " + "flood ".repeat(10) + "\r\n").repeat(64).getBytes();
        return new ScriptedServer((socket, in, out) -> {
            try {
                while (written.get() < 512L * 1024 * 1024) {
                    out.write(lines);
                    written.addAndGet(lines.length);
                }
            } catch (java.io.IOException e) {
                brokeAt.set(System.nanoTime());
            }
        });
    }

    /** Opens a WebSocket that takes exactly one event and then stops reading. */
    private WebSocket frozenTab(int targetPort) throws Exception {
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + appPort + "/ws/session"), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                        webSocket.request(1);
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"op\":\"connect\",\"protocol\":\"smtp\",\"host\":\"127.0.0.1\",\"port\":" + targetPort + "}", true);
        return ws;
    }

    private static long settle(AtomicLong counter) throws InterruptedException {
        long last = -1;
        int unchanged = 0;
        while (unchanged < 3) {
            Thread.sleep(300);
            long now = counter.get();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }

    @Test
    void aBrowserThatStopsReadingHoldsBackTheServerAndIsDroppedAfterTheStallTimeout() throws Exception {
        AtomicLong written = new AtomicLong();
        AtomicLong brokeAt = new AtomicLong();
        try (ScriptedServer server = flood(written, brokeAt)) {
            WebSocket tab = frozenTab(server.port());
            long stalledFrom = System.nanoTime();
            long settled = settle(written);
            assertThat(settled).as("the server was held back by TCP, not buffered by Parley").isLessThan(64L * 1024 * 1024);
            await().atMost(20, TimeUnit.SECONDS).until(() -> brokeAt.get() != 0);
            assertThat(Duration.ofNanos(brokeAt.get() - stalledFrom)).as("dropped after the 5 s stall timeout, not before")
                    .isGreaterThan(Duration.ofSeconds(4));
            tab.abort();
        }
    }

    @Test
    void aBrowserLeavingWhileParleyWaitsForItFreesTheTargetAtOnce() throws Exception {
        AtomicLong written = new AtomicLong();
        AtomicLong brokeAt = new AtomicLong();
        try (ScriptedServer server = flood(written, brokeAt)) {
            WebSocket tab = frozenTab(server.port());
            settle(written);
            long left = System.nanoTime();
            tab.abort();
            await().atMost(3, TimeUnit.SECONDS).until(() -> brokeAt.get() != 0);
            assertThat(Duration.ofNanos(brokeAt.get() - left)).as("the target is freed when the tab goes, well before the stall timeout")
                    .isLessThan(Duration.ofMillis(1500));
        }
    }
}

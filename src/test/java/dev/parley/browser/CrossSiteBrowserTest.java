package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.sun.net.httpserver.HttpServer;
import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of issue #9, from a real browser: a page on a second origin, open in the learner's
 * Chromium while Parley runs, tries to open a session, to run a replay that sends mail, and to
 * import a transcript — the forms a page can send without a CORS preflight. Before, the replay ran
 * and the mail arrived, and the import was stored. And a rebound name ({@code evil.example} made to
 * resolve to 127.0.0.1, as DNS rebinding does) is not a name Parley answers to.
 */
@ParleyTest
class CrossSiteBrowserTest {

    @LocalServerPort
    int appPort;

    @Autowired
    PracticeServers practice;

    @Autowired
    JdbcTemplate jdbc;

    static Chromium chromium;
    HttpServer attacker;
    BrowserContext context;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch(List.of("--host-resolver-rules=MAP evil.example 127.0.0.1"));
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void attackerSite() throws Exception {
        practice.reset();
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] page = attackPage().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
        context = chromium.browser.newContext();
    }

    @AfterEach
    void stop() {
        context.close();
        attacker.stop(0);
    }

    private String attackPage() {
        int smtp = practice.endpoint("smtp", "none").port();
        String parley = "http://localhost:" + appPort;
        String replay = "{\"target\":{\"protocol\":\"smtp\",\"host\":\"localhost\",\"port\":" + smtp + "},"
                + "\"transcript\":\"S: 220 <ready>\\nC: HELO evil\\nS: 250 <ok>\\nC: MAIL FROM:<evil@localhost>\\n"
                + "S: 250 <ok>\\nC: RCPT TO:<bob@localhost>\\nS: 250 <ok>\\nC: DATA\\nS: 354 <go>\\n"
                + "C: Subject: pwned\\nC: \\nC: from another site\\nC: .\\nS: 250 <queued>\\n\"}";
        return """
                <!doctype html><html><body><script>
                window.results = {};
                const parley = '%s';
                const ws = new WebSocket(parley.replace('http', 'ws') + '/ws/session');
                ws.onopen = () => { window.results.ws = 'open'; };
                ws.onerror = () => { window.results.ws = 'refused'; };
                fetch(parley + '/api/replay', {method: 'POST', mode: 'no-cors',
                    headers: {'Content-Type': 'text/plain'}, body: %s})
                    .then(() => window.results.replay = 'sent', () => window.results.replay = 'failed');
                fetch(parley + '/api/transcripts', {method: 'POST', mode: 'no-cors',
                    headers: {'Content-Type': 'text/plain'}, body: '# protocol: smtp\\nS: 220 hi\\nC: QUIT\\n'})
                    .then(() => window.results.import = 'sent', () => window.results.import = 'failed');
                </script></body></html>
                """.formatted(parley, "'" + replay.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }

    @Test
    void aPageOnAnotherOriginCannotOpenASessionRunAReplayOrImport() {
        int transcriptsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM transcript", Integer.class);
        Page page = context.newPage();
        // The learner opened Parley once, so the browser holds Parley's identity cookie.
        page.navigate("http://localhost:" + appPort + "/");
        page.navigate("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
        page.waitForFunction("() => window.results.ws && window.results.replay && window.results.import");
        page.waitForTimeout(1500);

        assertThat(page.evaluate("() => window.results.ws")).as("cross-site WebSocket").isEqualTo("refused");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM transcript", Integer.class))
                .as("no replay ran and nothing was imported").isEqualTo(transcriptsBefore);
        // reset() just above put the lesson's two messages back: had the replay run, bob would have three.
        List<PracticeServers.Mailbox> boxes = practice.reset();
        assertThat(boxes).filteredOn(m -> m.user().equals("bob")).singleElement()
                .extracting(PracticeServers.Mailbox::messages).isEqualTo(2);
    }

    @Test
    void aReboundNameIsNotANameParleyAnswersTo() {
        Page page = context.newPage();
        Response response = page.navigate("http://evil.example:" + appPort + "/");
        assertThat(response.status()).isEqualTo(421);
        assertThat(page.content()).contains("not to");
        Response ours = page.navigate("http://localhost:" + appPort + "/");
        assertThat(ours.status()).isEqualTo(200);
    }
}

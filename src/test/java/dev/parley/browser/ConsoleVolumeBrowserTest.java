package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.parley.support.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A long session stays usable: a server on loopback sends 100,000 lines and the page keeps a
 * bounded number of console rows (the rest counted in one row), pairs answers in O(1), and still
 * answers the keyboard. The times it took are printed, not asserted (they are figures, not rules).
 */
class ConsoleVolumeBrowserTest extends BrowserTest {

    /**
     * Lines per burst, each burst one answer (13-octet lines stay far under the 256 KB shown per
     * answer). The pace, 5,000 lines a second, is one a browser on a busy two-core machine keeps
     * up with; a faster flood is the WebSocket sender's backpressure to handle, not the page's.
     */
    private static final int BURST = 5_000;
    private static final int BURSTS = 20;

    @Test
    void aHundredThousandLinesKeepTheConsoleBoundedAndThePageResponsive() throws Exception {
        try (ScriptedServer flood = new ScriptedServer((socket, in, out) -> {
            for (int b = 0; b < BURSTS; b++) {
                ByteArrayOutputStream burst = new ByteArrayOutputStream();
                for (int i = 0; i < BURST; i++) {
                    burst.writeBytes(String.format(Locale.ROOT, "line %06d\r\n", b * BURST + i).getBytes(StandardCharsets.US_ASCII));
                }
                out.write(burst.toByteArray());
                out.flush();
                // longer than the raw quiet time (700 ms): each burst is one answer
                Thread.sleep(1_000);
            }
            ScriptedServer.readLine(in);
        })) {
            learner = new PlaygroundPage(chromium.browser, 1400, 1000).open(appPort);
            long start = System.nanoTime();
            learner.connectTo("raw", "127.0.0.1", flood.port());
            String last = String.format(Locale.ROOT, "line %06d", BURST * BURSTS - 1);
            try {
                assertThat(learner.page.locator("#console > li.row.s").last())
                        .containsText(last, new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(120_000));
            } catch (AssertionError e) {
                learner.screenshot("console-flood-stalled");
                throw e;
            }
            long received = System.nanoTime() - start;

            int rows = learner.page.locator("#console > li").count();
            Assertions.assertThat(rows).as("rows kept in the DOM").isLessThanOrEqualTo(1500 + 250 + 2);
            assertThat(learner.page.locator("#console > li").first()).containsText("earlier lines are not shown here");

            long typing = System.nanoTime();
            learner.page.locator("#input").fill("QUIT");
            assertThat(learner.page.locator("#input")).hasValue("QUIT");
            long frame = System.nanoTime();
            learner.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            long now = System.nanoTime();
            learner.page.locator("#input").press("Enter");
            assertThat(learner.clientRows().last()).containsText("QUIT");
            learner.screenshot("console-after-100000-lines");
            System.out.printf(Locale.ROOT, "[figures] %,d lines received and drawn in %.1f s; %d rows in the DOM; "
                    + "typing answered in %.0f ms; two animation frames in %.0f ms%n", BURST * BURSTS,
                    received / 1e9, rows, (frame - typing) / 1e6, (now - frame) / 1e6);
        }
    }
}

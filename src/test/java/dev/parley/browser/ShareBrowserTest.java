package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The share link as a learner uses it: talk POP3 to the practice server, disconnect, open the
 * link the page offers, and play the conversation back, with the password masked.
 */
class ShareBrowserTest extends BrowserTest {

    @Test
    void sharedConversationPlaysBackStepByStepWithThePasswordMasked() throws Exception {
        learner = new PlaygroundPage(chromium.browser, 1280, 720).open(appPort);
        learner.protocol("pop3").connectToPractice();
        learner.ask("USER bob").ask("PASS redqueen").ask("STAT");
        // the learner's own console shows what they typed
        assertThat(learner.console()).containsText("PASS redqueen");
        learner.page.click("#disconnect");
        assertThat(learner.page.locator("#target-state")).containsText("closed");

        Locator link = learner.page.locator("#share-link");
        assertThat(link).isVisible();
        String url = link.getAttribute("href");
        Assertions.assertThat(url).matches("http://localhost:\\d+/t/[A-Za-z0-9_-]+");
        learner.page.click("#tab-export");
        assertThat(learner.page.locator("#share-url")).hasValue(url);
        learner.screenshot("share-link");

        Response response = learner.page.navigate(url);
        Assertions.assertThat(response.status()).isEqualTo(200);
        Assertions.assertThat(response.headerValue("content-security-policy")).contains("script-src 'self'");
        // it opens showing the conversation, with the live console's meanings
        assertThat(learner.page.locator("#load-state")).containsText("The whole conversation is shown");
        assertThat(learner.page.locator("#share-meta")).containsText("POP3 with localhost:");
        Locator rows = learner.page.locator("#console > li.row");
        assertThat(learner.page.locator("#console")).containsText("PASS ********");
        assertThat(learner.page.locator("#console li.row.s .meaning .badge").first()).hasText("+OK");
        assertThat(learner.page.locator("#play")).hasText("Play again");
        learner.screenshot("share-opened");

        learner.page.click("#restart");
        assertThat(rows).hasCount(0);
        learner.page.click("#step");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("+OK");
        assertThat(learner.page.locator("#position")).containsText("1 of ");

        learner.page.selectOption("#speed", "4");
        learner.page.click("#play");
        assertThat(learner.page.locator("#play")).hasText(Pattern.compile("Pause|Play again"));
        assertThat(learner.page.locator("#position")).containsText("the end");
        assertThat(learner.page.locator("#console")).containsText("C:USER bob");
        assertThat(learner.page.locator("#console")).containsText("PASS ********");
        assertThat(learner.page.locator("#console")).containsText("STAT");
        assertThat(learner.page.locator("#ladder svg g[data-row]")).hasCount(rowsOfTraffic(rows));
        Assertions.assertThat(learner.page.content()).doesNotContain("redqueen");
        learner.screenshot("share-playback");

        // keyboard: Home restarts, → steps
        learner.page.locator("#console-box").focus();
        learner.page.keyboard().press("Home");
        assertThat(rows).hasCount(0);
        learner.page.keyboard().press("ArrowRight");
        learner.page.keyboard().press("ArrowRight");
        assertThat(learner.page.locator("#position")).containsText("2 of ");

        Download txt = learner.page.waitForDownload(() -> learner.page.click("#download-txt"));
        Assertions.assertThat(Files.readString(txt.path())).contains("# protocol: pop3", "C: PASS ********")
                .doesNotContain("redqueen");
        Download svg = learner.page.waitForDownload(() -> learner.page.click("#download-svg"));
        Assertions.assertThat(Files.readString(svg.path())).contains("PASS ********").doesNotContain("redqueen");
    }

    @Test
    void unknownShareLinkSaysSo() {
        learner = new PlaygroundPage(chromium.browser, 390, 844);
        Response response = learner.page.navigate("http://localhost:" + appPort + "/t/AAAAAAAAAAAAAAAAAAAAAA");
        Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(learner.page.locator("h2")).hasText("No transcript has this link");
        // the browser reports the 404 itself; that is the point of this page, not a page error
        learner.errors.removeIf(e -> e.contains("404"));
    }

    private static int rowsOfTraffic(Locator rows) {
        return rows.locator(":scope.c, :scope.s").count();
    }
}

package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The Library tab as a learner uses it: run the lesson's IMAP search through Jakarta Mail, read
 * the Java, the Python and the wire trace, parse the message into its MIME tree, then have the
 * same conversation by hand and compare.
 */
class LibraryBrowserTest extends BrowserTest {

    private void openLibrary() {
        learner = new PlaygroundPage(chromium.browser, 1280, 720).open(appPort);
        learner.page.click("#tab-library");
        assertThat(learner.page.locator("#lib-call option[value='imap.search']")).hasCount(1);
    }

    private void run(String call) {
        learner.page.selectOption("#lib-call", call);
        assertThat(learner.page.locator("#lib-server option").first()).containsText("Practice IMAP");
        assertThat(learner.page.locator("#lib-user")).hasValue("demo");
        assertThat(learner.page.locator("#lib-pass")).hasValue("demo");
        learner.page.click("#lib-run");
        assertThat(learner.page.locator("#lib-out .lib-run")).isVisible();
    }

    @Test
    void searchFromCrisShowsTheJavaThePythonAndTheTrace() {
        openLibrary();
        run("imap.search");
        assertThat(learner.page.locator("#lib-arg-criteria")).hasValue("FROM \"cris\"");
        Locator trace = learner.page.locator("#lib-out ol.trace");
        assertThat(trace.locator("li.row.s").filter(new Locator.FilterOptions().setHasText("* SEARCH 1")))
                .hasCount(1);
        assertThat(trace.locator("li.row.c").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("LOGIN demo \\*{8}")))).hasCount(1);
        assertThat(learner.page.locator("#lib-java")).containsText("FromStringTerm(\"cris\")");
        assertThat(learner.page.locator("#lib-python")).containsText("conn.search(None");
        Assertions.assertThat(learner.page.locator("#lib-out").textContent()).doesNotContain("LOGIN demo demo");
        learner.page.locator("#lib-out ol.trace").scrollIntoViewIfNeeded();
        learner.screenshot("library-imap-search");
        learner.assertAccessible("a library call's result");

        // the same conversation by hand, then the comparison
        learner.page.click("#lib-by-hand");
        assertThat(learner.page.locator("#walk-title")).hasText("By hand: imap.search");
        learner.page.locator("#walkthrough .by-hand button.primary").click();
        assertThat(learner.page.locator("#target-state")).containsText("Connected");
        assertThat(learner.serverRows().first()).containsText("* OK");
        Locator steps = learner.page.locator("#walkthrough .by-hand button.use-line");
        int count = steps.count();
        for (int i = 0; i < count; i++) {
            String line = steps.nth(i).getAttribute("data-line");
            if (line.startsWith("LOGOUT")) {
                break;
            }
            int before = learner.clientRows().count();
            steps.nth(i).click();
            if (line.contains("<password>")) {
                learner.page.fill("#input", line.replace("<password>", "demo"));
            }
            learner.page.locator("#input").press("Enter");
            assertThat(learner.clientRows().nth(before)).hasAttribute("data-status", Pattern.compile("ok|error"));
        }
        assertThat(learner.console()).containsText("* SEARCH 1");
        learner.page.click("#byhand-compare");
        Locator diff = learner.page.locator("#walkthrough table.diff");
        assertThat(diff).isVisible();
        assertThat(diff.locator("caption")).containsText(Pattern.compile("difference|match"));
        assertThat(diff).containsText("SEARCH");
        diff.scrollIntoViewIfNeeded();
        learner.screenshot("library-by-hand-compare");
    }

    @Test
    void wholeMessageIsShownAsItsMimeTree() {
        openLibrary();
        run("imap.message");
        Locator tree = learner.page.locator("#lib-out .mime-tree");
        assertThat(tree).isVisible();
        assertThat(tree.locator(".mime-node").first()).containsText("text/plain");
        assertThat(tree.locator(".mime-text").first()).containsText("If you are reading this email");
        assertThat(learner.page.locator("#lib-out .mime-facts")).containsText("Protocols in Python");
        assertThat(learner.page.locator("#lib-out ol.trace li.row.c").filter(new Locator.FilterOptions()
                .setHasText("FETCH"))).not().hasCount(0);
        tree.scrollIntoViewIfNeeded();
        learner.screenshot("library-imap-message");
    }
}

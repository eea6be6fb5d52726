package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The page around the console: its headers, TLS facts, the diagram and the exports, keyboard-only
 * use and a phone-sized screen.
 */
class PlaygroundBrowserTest extends BrowserTest {

    @Test
    void pageIsServedWithAStrictContentSecurityPolicy() {
        learner = new PlaygroundPage(chromium.browser, 1280, 720);
        Response response = learner.page.navigate("http://localhost:" + appPort + "/");
        Assertions.assertThat(response.headerValue("content-security-policy"))
                .contains("script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        Assertions.assertThat(response.headerValue("x-content-type-options")).isEqualTo("nosniff");
        Assertions.assertThat(response.headerValue("referrer-policy")).isEqualTo("no-referrer");
        assertThat(learner.page.locator("#ws-state")).hasText("Parley is ready.");
    }

    @Test
    void implicitTlsShowsThePadlockAndTheCertificateFacts() {
        learner = new PlaygroundPage(chromium.browser, 1280, 720).open(appPort);
        learner.protocol("smtp");
        learner.page.selectOption("#tls", "implicit");
        assertThat(learner.page.locator("#port")).hasValue(String.valueOf(practice.endpoint("smtp", "implicit").port()));
        learner.page.click("#connect");
        assertThat(learner.page.locator("#console li.tls-marker")).containsText("TLS handshake done");
        assertThat(learner.serverRows().first()).containsText("220 ");
        learner.page.click("#padlock");
        assertThat(learner.page.locator("#tls-dialog")).isVisible();
        assertThat(learner.page.locator("#tls-facts")).containsText("Cipher suite");
        assertThat(learner.page.locator("#tls-facts")).containsText("Implicit TLS");
        learner.screenshot("tls-certificate");
        learner.page.keyboard().press("Escape");
        assertThat(learner.page.locator("#tls-dialog")).isHidden();
    }

    @Test
    void diagramAndExportsFollowTheConversation() throws Exception {
        learner = new PlaygroundPage(chromium.browser, 1280, 720).open(appPort);
        learner.protocol("pop3").connectToPractice();
        learner.ask("USER bob").ask("PASS redqueen").ask("LIST");

        learner.page.click("#tab-diagram");
        // greeting, USER, +OK, PASS, +OK, LIST, +OK, and the listing's lines folded into one arrow
        assertThat(learner.page.locator("#ladder svg g[data-row]")).hasCount(8);
        assertThat(learner.page.locator("#ladder svg")).containsText("data: 3 lines");
        learner.screenshot("diagram-pop3");
        Download svg = learner.page.waitForDownload(() -> learner.page.click("#download-svg"));
        Assertions.assertThat(svg.suggestedFilename()).endsWith(".svg");
        Assertions.assertThat(Files.readString(svg.path())).startsWith("<?xml").contains("USER bob");

        learner.page.click("#tab-export");
        assertThat(learner.page.locator("#export-preview")).containsText("C: PASS ********");
        Download txt = learner.page.waitForDownload(() -> learner.page.click("#download-txt"));
        String transcript = Files.readString(txt.path());
        Assertions.assertThat(transcript).startsWith("# protocol: pop3\n# target: localhost:")
                .contains("C: USER bob\n", "C: PASS ********\n").doesNotContain("redqueen");
        Download json = learner.page.waitForDownload(() -> learner.page.click("#download-json"));
        Assertions.assertThat(Files.readString(json.path())).contains("\"protocol\": \"pop3\"").doesNotContain("redqueen");

        learner.page.click("#tab-compare");
        assertThat(learner.page.locator("#compare a.example").first()).isVisible();
        learner.screenshot("compare-pop3");
        learner.page.locator("#compare a.example").first().click();
        Assertions.assertThat(learner.page.evaluate("() => document.activeElement.closest('#console') !== null"))
                .isEqualTo(true);
    }

    @Test
    void keyboardAloneConnectsAndSends() {
        learner = new PlaygroundPage(chromium.browser, 1280, 720).open(appPort);
        learner.protocol("smtp");
        learner.page.focus("#connect");
        learner.page.keyboard().press("Enter");
        assertThat(learner.page.locator("#target-state")).containsText("Connected");
        // connecting puts the focus in the command line
        assertThat(learner.page.locator("#input")).isFocused();
        learner.page.keyboard().type("NOOP");
        learner.page.keyboard().press("Enter");
        assertThat(learner.clientRows().last()).hasAttribute("data-status", "ok");
        learner.page.keyboard().press("ArrowUp");
        assertThat(learner.page.locator("#input")).hasValue("NOOP");
        // a reply's meaning opens on keyboard focus, with its RFC reference
        learner.page.locator("#console .meaning").last().focus();
        assertThat(learner.page.locator("#console .meaning").last().locator(".tip")).isVisible();
        assertThat(learner.page.locator("#console .meaning").last().locator(".tip")).containsText("RFC 5321");
        learner.screenshot("keyboard-meaning");
    }

    @Test
    void phoneSizedScreenHasNoSidewaysScrolling() {
        learner = new PlaygroundPage(chromium.browser, 390, 844).open(appPort);
        learner.protocol("imap").connectToPractice();
        learner.ask("LOGIN frobozz xyzzy").ask("SELECT INBOX").ask("FETCH 1 BODY[HEADER]");
        Assertions.assertThat(learner.page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(390);
        learner.screenshot("phone-imap");
    }
}

package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer stumbled on while doing the lesson in the browser (issue 11), each checked the
 * way it was found: in Chromium, at a desktop size (1400×1000) and a phone's (390×844), with
 * screenshots in target/screenshots/.
 */
class LessonBrowserTest extends BrowserTest {

    private PlaygroundPage desktop() {
        learner = new PlaygroundPage(chromium.browser, 1400, 1000).open(appPort);
        return learner;
    }

    private PlaygroundPage phone() {
        learner = new PlaygroundPage(chromium.browser, 390, 844).open(appPort);
        return learner;
    }

    /** Types a line into the command line and presses Enter (not a walkthrough button). */
    private void type(String line) {
        learner.page.fill("#input", line);
        learner.page.locator("#input").press("Enter");
    }

    /** Types a command and waits until the server's answer to it is complete. */
    private void send(String line) {
        int before = learner.clientRows().count();
        type(line);
        assertThat(learner.clientRows().nth(before)).hasAttribute("data-status", Pattern.compile("ok|error|continue"));
    }

    @Test
    void theConsoleKeepsFollowingThroughDataToTheFinal250() {
        desktop().protocol("smtp").connectToPractice();
        learner.ask("EHLO parley.local").ask("MAIL FROM:<bob@localhost>").ask("RCPT TO:<demo@localhost>");
        for (String rcpt : List.of("RCPT TO:<bob@localhost>", "RCPT TO:<frobozz@localhost>")) {
            int before = learner.clientRows().count();
            type(rcpt);
            assertThat(learner.clientRows().nth(before)).hasAttribute("data-status", "ok");
        }
        learner.ask("RCPT TO:<green@localhost>").ask("DATA");
        assertThat(learner.page.locator("#mode")).hasText("message");
        for (String line : List.of("Subject: Hello from Parley", "", "Blah blah blah...", "...etc. etc. etc.")) {
            learner.tell(line);
        }
        int before = learner.clientRows().count();
        learner.step(".").enter();
        Locator accepted = learner.serverRows().last();
        assertThat(learner.clientRows().nth(before)).hasAttribute("data-status", "ok");
        assertThat(accepted).containsText("250");
        // the final 250 is in sight, not below the fold of a console that shrank at DATA
        Assertions.assertThat(learner.rowVisibleInConsole(accepted)).as("the 250 row is visible in the console").isTrue();
        // the dot-stuffed line says what happened to it
        assertThat(learner.clientRows().filter(new Locator.FilterOptions().setHasText("....etc. etc. etc.")))
                .containsText("Dot-stuffed");
        learner.screenshot("lesson-smtp-desktop-after-data");
        learner.assertAccessible("the playground connected to SMTP");
    }

    @Test
    void onAPhoneTheReplyStaysInSightAfterEnter() {
        phone().protocol("pop3").connectToPractice();
        for (String line : List.of("USER bob", "PASS redqueen", "STAT")) {
            learner.step(line).enter();
            Locator reply = learner.serverRows().last();
            assertThat(reply).containsText("+OK");
            assertThat(learner.clientRows().last()).hasAttribute("data-status", "ok");
            Assertions.assertThat(learner.inWindow(reply)).as("the reply to %s is on the screen", line).isTrue();
        }
        Assertions.assertThat(learner.page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(390);
        learner.screenshot("lesson-pop3-phone-after-enter");
    }

    @Test
    void onAPhoneTheLibraryTraceReadsInTwoColumns() {
        phone();
        learner.page.click("#tab-library");
        learner.page.selectOption("#lib-call", "imap.search");
        learner.page.click("#lib-run");
        Locator text = learner.page.locator("#lib-out ol.trace li.row.s .text").first();
        assertThat(text).isVisible();
        Assertions.assertThat(text.boundingBox().width).as("width of a trace line's text").isGreaterThan(200);
        Locator dir = learner.page.locator("#lib-out ol.trace li.row.s .dir").first();
        Assertions.assertThat(dir.boundingBox().y).as("S: beside its text, not above it")
                .isEqualTo(text.boundingBox().y, org.assertj.core.data.Offset.offset(4.0));
        learner.page.locator("#lib-out ol.trace").scrollIntoViewIfNeeded();
        learner.screenshot("lesson-library-trace-phone");
    }

    @Test
    void connectWhileConnectedSwitchesServersAndTheWalkthroughFollowsTheConnection() {
        desktop().protocol("smtp").connectToPractice();
        learner.ask("EHLO parley.local");
        learner.protocol("pop3");
        // still connected to SMTP: the steps stay SMTP's and say how to switch
        assertThat(learner.page.locator("#walk-title")).hasText("Walkthrough: SMTP");
        assertThat(learner.page.locator("#walkthrough .switch-note")).containsText("still connected");
        learner.screenshot("lesson-switch-protocol-note");
        learner.page.selectOption("#preset", new com.microsoft.playwright.options.SelectOption().setIndex(0));
        learner.page.click("#connect");
        assertThat(learner.page.locator("#target-state")).containsText("Connected: POP3");
        assertThat(learner.page.locator("#walk-title")).hasText("Walkthrough: POP3");
        assertThat(learner.page.locator("#console li.system-error")).hasCount(0);
        assertThat(learner.page.locator("#reconnect")).isHidden();
        learner.ask("USER bob");
        assertThat(learner.lastReplyBadge()).hasText("+OK");
        learner.screenshot("lesson-switched-to-pop3");
    }

    @Test
    void aLineTypedBeforeConnectingIsKeptAndExplainedOnce() {
        desktop().protocol("smtp");
        type("EHLO parley.local");
        assertThat(learner.page.locator("#input")).hasValue("EHLO parley.local");
        assertThat(learner.page.locator("#input-hint")).containsText("Not connected, so nothing was sent");
        Assertions.assertThat(learner.page.locator("#console").textContent()).doesNotContain("Not connected: Not connected");
        learner.connectToPractice();
        assertThat(learner.page.locator("#input")).hasValue("EHLO parley.local");
        learner.page.locator("#input").press("Enter");
        assertThat(learner.serverRows().filter(new Locator.FilterOptions().setHasText("250-localhost greets parley.local")))
                .hasCount(1);
        assertThat(learner.clientRows()).hasCount(1);
    }

    @Test
    void theLessonsCPrefixAndPlaceholdersAreRecognised() {
        desktop().protocol("pop3").connectToPractice();
        type("C: USER bob");
        assertThat(learner.clientRows().last()).containsText("USER bob");
        Assertions.assertThat(learner.clientRows().last().textContent()).doesNotContain("C: USER");
        assertThat(learner.page.locator("#input-hint")).containsText("Parley left out the lesson's \"C: \"");
        type("PASS <password>");
        assertThat(learner.page.locator("#input-hint")).containsText("Replace <password>");
        assertThat(learner.page.locator("#input")).hasValue("PASS <password>");
        assertThat(learner.clientRows()).hasCount(1);
    }

    @Test
    void aMultiLinePasteAfter354IsSentLineByLineAndTheDotEndsIt() {
        desktop().protocol("smtp").connectToPractice();
        learner.ask("EHLO parley.local").ask("MAIL FROM:<bob@localhost>").ask("RCPT TO:<demo@localhost>").ask("DATA");
        learner.page.locator("#input").focus();
        learner.page.evaluate("""
                () => { const data = new DataTransfer();
                        data.setData('text/plain', 'Subject: pasted\\n\\nBlah blah blah...\\n...etc. etc. etc.\\n.\\n');
                        document.getElementById('input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }""");
        assertThat(learner.clientRows().filter(new Locator.FilterOptions().setHasText("....etc. etc. etc."))).hasCount(1);
        assertThat(learner.serverRows().last()).containsText("250");
        assertThat(learner.page.locator("#mode")).hasText("C:");
        // DATA, then the five pasted lines, each its own row
        assertThat(learner.clientRows()).hasCount(9);
    }

    @Test
    void aDuplicateImapTagIsSaidToBeOne() {
        desktop().protocol("imap").connectToPractice();
        learner.ask("LOGIN frobozz xyzzy");
        send("A0001 SELECT INBOX");
        Locator select = learner.clientRows().last();
        select.locator(".meaning").focus();
        assertThat(select.locator(".tip")).containsText("was already used on this connection");
    }

    @Test
    void resetPracticeMailRefillsTheMaildropAndTheLoopWorksTwice() {
        desktop();
        for (int round = 1; round <= 2; round++) {
            learner.protocol("smtp").connectToPractice();
            send("EHLO parley.local");
            send("MAIL FROM:<demo@localhost>");
            send("RCPT TO:<bob@localhost>");
            send("DATA");
            for (String line : List.of("Subject: round " + round, "", "Blah blah blah...")) {
                type(line);
            }
            send(".");
            assertThat(learner.serverRows().last()).containsText("250");
            send("QUIT");
            assertThat(learner.page.locator("#target-state")).containsText("closed");

            learner.protocol("pop3").connectToPractice();
            send("USER bob");
            send("PASS redqueen");
            assertThat(learner.serverRows().last()).containsText("bob's maildrop has 3 messages");
            send("RETR 3");
            assertThat(learner.console()).containsText("Subject: round " + round);
            for (String dele : List.of("DELE 1", "DELE 2", "DELE 3")) {
                send(dele);
            }
            send("QUIT");
            assertThat(learner.page.locator("#target-state")).containsText("closed");
            learner.page.click("#connect");
            assertThat(learner.page.locator("#target-state")).containsText("Connected: POP3");
            send("USER bob");
            send("PASS redqueen");
            send("STAT");
            assertThat(learner.serverRows().last()).containsText("+OK 0 0");

            learner.button("Reset practice mail").first().click();
            assertThat(learner.page.locator("#console li.system-info").last()).containsText("bob has 2 messages");
            send("QUIT");
            learner.protocol("imap").connectToPractice();
            send("LOGIN bob redqueen");
            send("SELECT INBOX");
            assertThat(learner.console()).containsText("* 2 EXISTS");
            send("LOGOUT");
            if (round == 1) {
                learner.screenshot("lesson-reset-and-loop");
            }
            learner.page.click("#clear");
        }
    }

    @Test
    void compareLinksGoToTheRowsTheyName() {
        desktop().protocol("pop3").connectToPractice();
        learner.ask("USER bob").ask("PASS redqueen").ask("LIST").ask("RETR 1");
        learner.page.click("#tab-compare");
        Locator payload = learner.page.locator("#compare tbody").filter(new Locator.FilterOptions()
                .setHas(learner.page.getByRole(AriaRole.ROWHEADER, new com.microsoft.playwright.Page.GetByRoleOptions()
                        .setName("Payload (the message itself)")))).locator("td").nth(1).locator("a.example");
        assertThat(payload).containsText("Date:");
        assertThat(learner.page.locator("#compare")).containsText("Several commands in flight");
        assertThat(learner.page.locator("#compare")).containsText("sequence identifier");
        assertThat(learner.page.locator("#compare")).containsText("587");
        learner.screenshot("lesson-compare-pop3");
        learner.assertAccessible("the Compare tab");
    }

    @Test
    void everyTabAndTheSharePageHaveNoAccessibilityViolations() {
        desktop().protocol("smtp").connectToPractice();
        learner.ask("EHLO parley.local").ask("MAIL FROM:<bob@localhost>").ask("RCPT TO:<green@localhost>");
        learner.assertAccessible("/ connected to SMTP");
        for (String tab : List.of("helpers", "compare", "diagram", "library", "export", "walk")) {
            learner.page.click("#tab-" + tab);
            assertThat(learner.page.locator("#panel-" + tab)).isVisible();
            if (tab.equals("library")) {
                assertThat(learner.page.locator("#lib-call option[value='imap.search']")).hasCount(1);
            }
            learner.assertAccessible("the " + tab + " tab");
        }
        learner.page.click("#disconnect");
        Locator link = learner.page.locator("#share-link");
        assertThat(link).isVisible();
        learner.page.navigate(link.getAttribute("href"));
        assertThat(learner.page.locator("#load-state")).containsText("The whole conversation is shown");
        // the share page shows the live console's meanings and its red for the 550
        Locator refused = learner.page.locator("#console li.row.s").filter(new Locator.FilterOptions().setHasText("550"));
        assertThat(refused).hasAttribute("data-status", "error");
        assertThat(refused.locator(".meaning .badge")).hasText("550");
        learner.screenshot("lesson-share-page");
        learner.assertAccessible("the share page");
    }
}

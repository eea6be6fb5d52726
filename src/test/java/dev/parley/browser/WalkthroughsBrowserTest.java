package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A learner completes each of the four walkthroughs against the practice servers, in a real
 * browser: presses each step's button, presses Enter, and sees the replies the lesson promises.
 * A screenshot of each finished walkthrough is saved under target/screenshots/.
 */
class WalkthroughsBrowserTest extends BrowserTest {

    @BeforeEach
    void openPage() {
        openPlayground();
    }

    @Test
    void smtpWalkthroughSendsAMailAndMeetsTheRefusedRecipient() {
        learner.protocol("smtp").connectToPractice();
        assertThat(learner.serverRows().first()).containsText("220 ");

        learner.ask("EHLO parley.local");
        assertThat(learner.lastReplyBadge()).hasText("250");
        assertThat(learner.console()).containsText("250-");
        learner.ask("MAIL FROM:<bob@localhost>");
        assertThat(learner.lastReplyBadge()).hasText("250");
        learner.ask("RCPT TO:<demo@localhost>");
        assertThat(learner.lastReplyBadge()).hasText("250");
        learner.ask("RCPT TO:<green@localhost>");
        assertThat(learner.lastReplyBadge()).hasText("550");
        learner.ask("DATA");
        assertThat(learner.lastReplyBadge()).hasText("354");
        assertThat(learner.page.locator("#mode")).hasText("message");
        assertThat(learner.page.locator("#input-hint")).containsText("A line with only \".\" ends it");
        learner.screenshot("walkthrough-smtp-message-mode");

        learner.tell("Subject: Hello from Parley").tell("").tell("Blah blah blah...");
        learner.ask(".");
        assertThat(learner.lastReplyBadge()).hasText("250");
        assertThat(learner.page.locator("#mode")).hasText("C:");
        learner.ask("QUIT");
        assertThat(learner.lastReplyBadge()).hasText("221");
        assertThat(learner.console()).containsText("The server closed the connection");
        learner.screenshot("walkthrough-smtp");
    }

    @Test
    void pop3WalkthroughReadsAndDeletesAMessage() {
        learner.protocol("pop3").connectToPractice();
        assertThat(learner.serverRows().first()).containsText("+OK");

        learner.ask("USER bob");
        assertThat(learner.lastReplyBadge()).hasText("+OK");
        learner.ask("PASS redqueen");
        assertThat(learner.lastReplyBadge()).hasText("+OK");
        learner.ask("STAT");
        assertThat(learner.serverRows().last()).containsText("+OK 2 ");
        learner.ask("LIST");
        assertThat(learner.serverRows().last().locator(".text")).hasText(".CRLF");
        learner.ask("RETR 1");
        assertThat(learner.console()).containsText("Tea at four? The Red Queen is coming.");
        learner.ask("DELE 1");
        assertThat(learner.lastReplyBadge()).hasText("+OK");
        learner.ask("QUIT");
        assertThat(learner.lastReplyBadge()).hasText("+OK");
        learner.screenshot("walkthrough-pop3");
    }

    @Test
    void imapWalkthroughFetchesLiteralsWithTheirOctetCounts() {
        learner.protocol("imap").connectToPractice();
        assertThat(learner.serverRows().first()).containsText("* OK");
        assertThat(learner.page.locator("#tag-switch")).isVisible();

        learner.ask("LOGIN frobozz xyzzy");
        assertThat(learner.clientRows().last()).containsText("A0001 LOGIN frobozz xyzzy");
        assertThat(learner.serverRows().last()).containsText("A0001 OK");
        learner.ask("SELECT INBOX");
        assertThat(learner.serverRows().last()).containsText("A0002 OK");
        assertThat(learner.console()).containsText("EXISTS");
        learner.ask("FETCH 1 RFC822.SIZE");
        assertThat(learner.console()).containsText("RFC822.SIZE");
        learner.ask("FETCH 1 BODY[HEADER]");
        assertThat(learner.page.locator("#console li.literal summary").first())
                .hasText(Pattern.compile("\\{\\d+\\} literal: [\\d,]+ octets read by count"));
        assertThat(learner.console()).containsText("The Art of Unix Programming");
        learner.ask("FETCH 1 BODY[TEXT]");
        assertThat(learner.console()).containsText("count the octets");
        learner.ask("LOGOUT");
        assertThat(learner.console()).containsText("* BYE");
        assertThat(learner.serverRows().last()).containsText("A0006 OK");
        learner.screenshot("walkthrough-imap");
    }

    @Test
    void httpWalkthroughGetsThePageAndTheServerSaysGoodbye() {
        learner.protocol("http").connectToPractice();
        learner.tell("GET / HTTP/1.1").tell("Host: localhost").tell("User-Agent: Parley").tell("Connection: close");
        learner.ask("");
        assertThat(learner.page.locator("#console li.row.s .meaning.kind-reply .badge").first()).hasText("200");
        assertThat(learner.console()).containsText("Content-Length");
        assertThat(learner.console()).containsText("<html");
        assertThat(learner.console()).containsText("closed the connection");
        learner.screenshot("walkthrough-http");
    }
}

package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.support.HostedParleyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hosted workshop in real Chromium (issue #10, "Done when"): the instructor logs in and creates
 * a workshop in the dashboard; two attendees join by its link, each in a browser of their own; A
 * mails B through the SMTP walkthrough with A's own filled-in address; B reads it with POP3 and
 * with IMAP with B's own credentials; the instructor sees both on the roster with their progress,
 * follows A live and broadcasts a notice both see; A cannot list or fetch B's transcripts; a
 * browser that did not join cannot open a session. Screenshots in target/screenshots/workshop-*.
 */
@HostedParleyTest
class WorkshopBrowserTest {

    /** What Chromium logs for a request the test expects to be refused (a join to a full workshop, a 401). */
    private static final Pattern EXPECTED_REFUSAL = Pattern.compile(
            "Failed to load resource: the server responded with a status of (401|404|409|410).*"
                    + "|WebSocket connection to .* failed.*");

    static Chromium chromium;

    @LocalServerPort
    int port;

    private final List<PlaygroundPage> pages = new ArrayList<>();

    /** A failed test leaves a screenshot of every browser it had open: what each person was looking at. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotsOnFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < pages.size(); i++) {
                pages.get(i).screenshot("workshop-failed-" + context.getRequiredTestMethod().getName() + "-" + i);
            }
        }
    };

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void closePages() {
        try {
            for (PlaygroundPage p : pages) {
                Assertions.assertThat(p.errors).as("errors in the page (CSP violations included)")
                        .allMatch(e -> EXPECTED_REFUSAL.matcher(e).matches());
            }
        } finally {
            pages.forEach(PlaygroundPage::close);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A browser of its own (its own cookies: one person), at a laptop's or projector's 1280×720. */
    private PlaygroundPage browser() {
        PlaygroundPage p = new PlaygroundPage(chromium.browser, 1280, 720);
        pages.add(p);
        return p;
    }

    /** The instructor logs in at /instructor (the form), and lands on the dashboard. */
    private PlaygroundPage instructor() {
        PlaygroundPage p = browser();
        p.page.navigate(base() + "/instructor");
        assertThat(p.page).hasURL(Pattern.compile(".*/instructor/login$"));
        p.page.fill("#password", HostedParleyTest.PASSWORD);
        p.page.locator("button[type=submit]").click();
        assertThat(p.page).hasURL(Pattern.compile(".*/instructor(#.*)?$"));
        assertThat(p.page.locator("#new-workshop")).isVisible();
        return p;
    }

    /** Creates a workshop in the dashboard's dialog and returns its join link as the page shows it. */
    private String createWorkshop(PlaygroundPage instructor, String title, int seats) {
        Page page = instructor.page;
        page.click("#new-workshop");
        assertThat(page.locator("#create-dialog")).isVisible();
        page.fill("#create-title-input", title);
        page.fill("#create-capacity", String.valueOf(seats));
        page.click("#create-submit");
        assertThat(page.locator("#create-dialog")).isHidden();
        assertThat(page.locator("#ws-title")).hasText(title);
        assertThat(page.locator("#ws-code")).hasText(Pattern.compile("[ACDEFGHJKMNPQRTUVWXY34679]{6}"));
        assertThat(page.locator("#ws-qr svg[role=img]")).isVisible();
        String link = page.locator("#ws-link").getAttribute("href");
        Assertions.assertThat(link).isEqualTo(base() + "/w/" + page.locator("#ws-code").textContent());
        return link;
    }

    /** An attendee opens the join link in a browser of their own, gives a name and lands on the playground. */
    private Attendee join(String link, String name, String screenshot) {
        PlaygroundPage p = browser();
        p.page.navigate(link);
        assertThat(p.page.locator("#join-name")).isFocused();
        if (screenshot != null) {
            p.screenshot(screenshot);
            p.assertAccessible("the join page");
        }
        p.page.fill("#join-name", name);
        p.page.click("#join-button");
        p.page.waitForURL(base() + "/");
        assertThat(p.page.locator("#ws-state")).hasText("Parley is ready.");
        assertThat(p.page.locator("#who")).containsText("You are " + name);
        assertThat(p.page.locator("#preset option").first()).containsText("Practice");
        return new Attendee(p, p.page.locator("#who .who-mailbox code").first().textContent(),
                p.page.locator("#my-login").textContent(), p.page.locator("#my-password").textContent());
    }

    private record Attendee(PlaygroundPage page, String address, String user, String password) {
    }

    /** Types a line and presses Enter; waits until the server's answer is complete. */
    private static void send(PlaygroundPage p, String line) {
        int before = p.clientRows().count();
        p.page.fill("#input", line);
        p.page.locator("#input").press("Enter");
        assertThat(p.clientRows().nth(before)).hasAttribute("data-status", Pattern.compile("ok|error|continue"));
    }

    private static Locator rosterRow(PlaygroundPage instructor, String name) {
        return instructor.page.locator("#roster tbody tr").filter(new Locator.FilterOptions()
                .setHas(instructor.page.locator("th .name-button", new Page.LocatorOptions().setHasText(name))));
    }

    @Test
    void anInstructorRunsAWorkshopWhereTwoAttendeesMailEachOtherAndIsFollowedLive() {
        PlaygroundPage teacher = instructor();
        String link = createWorkshop(teacher, "Protocols 101", 30);
        teacher.screenshot("workshop-dashboard-new");
        teacher.assertAccessible("the dashboard of a new workshop");
        // What the room sees: the code, the link and a big QR code, full screen; Escape goes back.
        teacher.page.click("#project");
        assertThat(teacher.page.locator("#projector-code")).hasText(teacher.page.locator("#ws-code").textContent());
        assertThat(teacher.page.locator("#projector-qr svg[role=img]")).isVisible();
        teacher.screenshot("workshop-projector");
        teacher.assertAccessible("the join code shown to the room");
        teacher.page.keyboard().press("Escape");
        assertThat(teacher.page.locator("#projector")).isHidden();

        Attendee ada = join(link, "Ada", "workshop-join-page");
        Attendee grace = join(link, "Grace Hopper", null);
        Assertions.assertThat(ada.user()).isNotEqualTo(grace.user());

        // Ada mails Grace through the SMTP walkthrough: her own address is filled in for her.
        PlaygroundPage a = ada.page();
        // The menu offers the protocols the workshop practises: the lesson's four, not raw mode.
        assertThat(a.page.locator("#protocol option[value=raw]")).isDisabled();
        assertThat(a.page.locator("#protocol option:not([disabled])")).hasCount(4);
        a.protocol("smtp").connectToPractice();
        a.ask("EHLO parley.local");
        a.ask("MAIL FROM:<" + ada.address() + ">");
        a.step("RCPT TO:<" + ada.address() + ">");
        send(a, "RCPT TO:<" + grace.address() + ">");
        Assertions.assertThat(a.clientRows().last().getAttribute("data-status")).isEqualTo("ok");
        a.ask("DATA");
        a.tell("Subject: Hello from Parley");
        a.tell("");
        a.page.fill("#input", "Ada was here, through SMTP.");
        a.page.locator("#input").press("Enter");
        a.step(".").enter();
        assertThat(a.serverRows().last()).containsText("250");
        a.ask("QUIT");

        // Grace reads it with POP3, with her own login from the walkthrough's buttons...
        PlaygroundPage g = grace.page();
        g.protocol("pop3").connectToPractice();
        g.ask("USER " + grace.user()).ask("PASS " + grace.password()).ask("STAT");
        assertThat(g.serverRows().last()).containsText("+OK 5 ");
        send(g, "RETR 5");
        assertThat(g.console()).containsText("Ada was here, through SMTP.");
        g.ask("QUIT");
        // ...and with IMAP.
        g.protocol("imap").connectToPractice();
        g.ask("LOGIN " + grace.user() + " " + grace.password()).ask("SELECT INBOX");
        send(g, "FETCH 5 BODY[TEXT]");
        assertThat(g.page.locator("#console li.literal").last()).containsText("Ada was here, through SMTP.");
        g.ask("LOGOUT");

        // The instructor sees both, with their progress.
        Locator adaRow = rosterRow(teacher, "Ada");
        Locator graceRow = rosterRow(teacher, "Grace Hopper");
        assertThat(adaRow.locator("td.cell-done")).hasCount(5);
        assertThat(adaRow.locator("td.cell-done").first()).hasAttribute("title", Pattern.compile("SMTP: say hello.*done"));
        assertThat(graceRow.locator("td.cell-done")).hasCount(10);
        assertThat(graceRow.locator("td.activity")).containsText("IMAP");
        assertThat(teacher.page.locator("#roster-summary")).containsText("2 attendees of 30 seats, 2 online");
        teacher.screenshot("workshop-progress-grid");

        // ...follows Ada: her conversation so far, then live.
        adaRow.locator("button.name-button").click();
        assertThat(adaRow.locator("button.name-button")).hasAttribute("aria-pressed", "true");
        assertThat(teacher.page.locator("#follow-state")).containsText("Following Ada");
        assertThat(teacher.page.locator("#follow-console")).containsText("MAIL FROM:<" + ada.address() + ">");
        a.connectToPractice();
        a.page.fill("#input", "EHLO live.follow");
        a.page.locator("#input").press("Enter");
        assertThat(teacher.page.locator("#follow-console li.row.c").last()).containsText("EHLO live.follow");
        assertThat(teacher.page.locator("#follow-console li.row.s").last()).containsText("250");
        teacher.screenshot("workshop-follow-view");
        teacher.assertAccessible("the dashboard following an attendee");

        // ...broadcasts a notice both see, and suggests a line that lands in the inputs, unsent.
        teacher.page.fill("#broadcast-text", "Now read your mail with POP3: RETR 1");
        teacher.page.click("#broadcast-form button[type=submit]");
        assertThat(teacher.page.locator("#broadcast-status")).containsText("Sent");
        for (PlaygroundPage attendee : List.of(a, g)) {
            assertThat(attendee.page.locator("#broadcasts .broadcast")).containsText("Now read your mail with POP3: RETR 1");
            assertThat(attendee.page.locator("#announcer")).containsText("Notice from the instructor");
        }
        teacher.page.fill("#suggest-line", "STAT");
        teacher.page.selectOption("#suggest-protocol", "pop3");
        teacher.page.click("#suggest-form button[type=submit]");
        assertThat(a.page.locator("#input")).hasValue("STAT");
        assertThat(a.page.locator("#suggestion")).containsText("Suggested by the instructor");
        int sent = a.clientRows().count();
        a.page.waitForTimeout(300);
        Assertions.assertThat(a.clientRows().count()).as("a suggestion is never sent by the page").isEqualTo(sent);
        a.screenshot("workshop-attendee-banner-and-suggestion");
        a.assertAccessible("an attendee's page with a notice and a suggestion");
        a.page.locator("#broadcasts .broadcast button.dismiss").click();
        assertThat(a.page.locator("#broadcasts .broadcast")).hasCount(0);

        // Ada sees only her own transcripts: Grace's are neither listed nor readable.
        @SuppressWarnings("unchecked")
        List<String> graces = (List<String>) g.page.evaluate(
                "() => fetch('/api/transcripts').then(r => r.json()).then(p => p.items.map(t => t.id))");
        Assertions.assertThat(graces).hasSizeGreaterThanOrEqualTo(2);
        @SuppressWarnings("unchecked")
        List<String> adas = (List<String>) a.page.evaluate(
                "() => fetch('/api/transcripts').then(r => r.json()).then(p => p.items.map(t => t.id))");
        Assertions.assertThat(adas).isNotEmpty().doesNotContainAnyElementsOf(graces);
        for (String id : graces) {
            Assertions.assertThat(a.page.evaluate("id => fetch('/api/transcripts/' + id).then(r => r.status)", id))
                    .as("Ada fetching Grace's transcript %s", id).isEqualTo(404);
            Assertions.assertThat(a.page.evaluate("id => fetch('/api/transcripts/' + id + '.txt').then(r => r.status)", id))
                    .isEqualTo(404);
        }

        // A fourth browser that did not join is asked for a code, and cannot open a session.
        PlaygroundPage stranger = browser();
        stranger.page.navigate(base() + "/");
        assertThat(stranger.page.locator("#gate")).isVisible();
        assertThat(stranger.page.locator("#gate")).containsText("This Parley is for a workshop");
        assertThat(stranger.page.locator("#connect-form")).isHidden();
        Object opened = stranger.page.evaluate("""
                () => new Promise(done => {
                  const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws/session');
                  ws.onopen = () => done('open');
                  ws.onclose = () => done('refused');
                })""");
        Assertions.assertThat(opened).as("a WebSocket session without joining").isEqualTo("refused");
        Assertions.assertThat(stranger.page.evaluate("() => fetch('/api/transcripts').then(r => r.status)"))
                .isEqualTo(401);
        stranger.screenshot("workshop-gate-not-joined");
        stranger.assertAccessible("the page of a visitor who has not joined");
        stranger.page.fill("#gate-code", "k7m 4qx");
        stranger.page.click("#gate-form button[type=submit]");
        stranger.page.waitForURL(base() + "/w/K7M4QX");
        assertThat(stranger.page.locator("#join-problem")).containsText("No workshop has the code");
    }

    @Test
    void aFullWorkshopARemovalAndTheEndAreSaidPlainly() {
        PlaygroundPage teacher = instructor();
        String link = createWorkshop(teacher, "Tiny room", 2);
        Attendee cris = join(link, "Cris", null);
        Attendee dee = join(link, "Dee", null);

        // A third person finds the workshop full, and is told so on the join page.
        PlaygroundPage late = browser();
        late.page.navigate(link);
        late.page.fill("#join-name", "Late Larry");
        late.page.click("#join-button");
        assertThat(late.page.locator("#join-problem h3")).hasText("This workshop is full");
        assertThat(late.page.locator("#join-problem")).containsText("every seat is taken");
        late.screenshot("workshop-join-full");
        late.assertAccessible("the join page of a full workshop");

        // The instructor removes Dee (after confirming): Dee's page says so and stops.
        rosterRow(teacher, "Dee").locator("button.remove-button").click();
        assertThat(teacher.page.locator("#confirm-dialog")).isVisible();
        assertThat(teacher.page.locator("#confirm-title")).hasText("Remove Dee?");
        teacher.page.click("#confirm-yes");
        assertThat(rosterRow(teacher, "Dee")).hasCount(0);
        assertThat(dee.page().page.locator("#left")).containsText("removed you");
        assertThat(dee.page().page.locator("#input")).isDisabled();
        assertThat(dee.page().page.locator("#ws-state")).hasText("You have left the workshop.");

        // The instructor ends the workshop: Cris's page says it has ended; the link says so too.
        teacher.page.click("#end-workshop");
        assertThat(teacher.page.locator("#confirm-title")).containsText("End “Tiny room”?");
        teacher.page.click("#confirm-yes");
        assertThat(teacher.page.locator("#ws-state")).containsText("Ended");
        assertThat(teacher.page.locator("#workshop-select option:checked")).containsText("ended");
        assertThat(cris.page().page.locator("#left")).containsText("The workshop has ended");
        cris.page().screenshot("workshop-attendee-ended");
        cris.page().assertAccessible("an attendee's page after the workshop ended");

        late.page.navigate(link);
        assertThat(late.page.locator("#join-problem")).containsText("This workshop has ended.");
        assertThat(late.page.locator("#join-form")).hasCount(0);
        late.screenshot("workshop-join-ended");
        late.assertAccessible("the join page of an ended workshop");
        teacher.screenshot("workshop-dashboard-ended");
    }
}

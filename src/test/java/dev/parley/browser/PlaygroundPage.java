package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The playground as a learner uses it: choose a protocol, connect to a practice server, press a
 * walkthrough step's button, press Enter, read the replies. Collects the page's errors (a CSP
 * violation is one) so each test can check there were none.
 */
final class PlaygroundPage implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final BrowserContext context;
    final Page page;
    final List<String> errors = new CopyOnWriteArrayList<>();

    PlaygroundPage(Browser browser, int width, int height) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        // axe-core from npm, loaded by the browser itself (an init script is not subject to the page's CSP)
        context.addInitScript(Axe.script());
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text());
            }
        });
        page.onPageError(errors::add);
    }

    PlaygroundPage open(int appPort) {
        page.navigate("http://localhost:" + appPort + "/");
        assertThat(page.locator("#ws-state")).hasText("Parley is ready.");
        // the practice presets have arrived from /api/protocols
        assertThat(page.locator("#preset option").first()).containsText("Practice");
        return this;
    }

    PlaygroundPage protocol(String id) {
        page.selectOption("#protocol", id);
        return this;
    }

    /** The walkthrough's own connect button, as a new learner would press it. */
    PlaygroundPage connectToPractice() {
        page.locator("#walkthrough button.primary").click();
        assertThat(page.locator("#target-state")).containsText("Connected");
        return this;
    }

    PlaygroundPage connectTo(String protocol, String host, int port) {
        protocol(protocol);
        page.selectOption("#preset", "custom");
        page.fill("#host", host);
        page.fill("#port", String.valueOf(port));
        page.click("#connect");
        return this;
    }

    /** Presses the step button whose line is {@code line} ("" is the empty line): it fills the input. */
    PlaygroundPage step(String line) {
        String label = line.isEmpty() ? "(empty line)" : line;
        page.locator("#walkthrough").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Type this line: " + label).setExact(true)).click();
        assertThat(page.locator("#input")).hasValue(line);
        return this;
    }

    /** Presses Enter in the input, as the learner does after a step button. */
    PlaygroundPage enter() {
        page.locator("#input").press("Enter");
        assertThat(page.locator("#input")).hasValue("");
        return this;
    }

    /** Sends a step's line and waits until the server's answer to it is complete. */
    PlaygroundPage ask(String line) {
        int before = clientRows().count();
        step(line).enter();
        Locator sent = clientRows().nth(before);
        assertThat(sent).containsText(line.isEmpty() ? "(empty line)" : line);
        assertThat(sent).hasAttribute("data-status", Pattern.compile("ok|error|continue"));
        return this;
    }

    /** Sends a line that the server does not answer by itself (message text, a header). */
    PlaygroundPage tell(String line) {
        int before = clientRows().count();
        step(line).enter();
        assertThat(clientRows().nth(before)).containsText(line.isEmpty() ? "(empty line)" : line);
        return this;
    }

    Locator clientRows() {
        return page.locator("#console > li.row.c");
    }

    Locator serverRows() {
        return page.locator("#console > li.row.s");
    }

    /** The reply code badge of the last server reply line. */
    Locator lastReplyBadge() {
        return page.locator("#console > li.row.s .meaning.kind-reply .badge").last();
    }

    Locator console() {
        return page.locator("#console");
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Whether the row comes into the visible part of the console's scrolling box within a few seconds. */
    boolean rowVisibleInConsole(Locator row) {
        try {
            page.waitForCondition(() -> rowInConsoleNow(row), new Page.WaitForConditionOptions().setTimeout(3_000));
            return true;
        } catch (com.microsoft.playwright.TimeoutError e) {
            return false;
        }
    }

    private boolean rowInConsoleNow(Locator row) {
        return (Boolean) row.evaluate("""
                r => { const box = (document.getElementById('console-box') ?? document.getElementById('console')).getBoundingClientRect();
                       const b = r.getBoundingClientRect();
                       return b.top >= box.top - 1 && b.bottom <= box.bottom + 1; }""");
    }

    /** Whether the element is inside the browser window (the page's own viewport). */
    boolean inWindow(Locator element) {
        return (Boolean) element.evaluate("""
                e => { const b = e.getBoundingClientRect();
                       return b.top >= 0 && b.bottom <= window.innerHeight && b.height > 0; }""");
    }

    /** axe-core on the page as it is now: any violation fails the test, listed in the message. */
    void assertAccessible(String where) {
        org.assertj.core.api.Assertions.assertThat(Axe.violations(page)).as("axe-core violations on %s", where).isEmpty();
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Override
    public void close() {
        context.close();
    }
}

package dev.parley.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The system Chromium driven by Playwright, offline: no browser download (STACK.md §8). Tests
 * that need it are skipped, with the reason, on a machine without {@code /usr/bin/chromium}.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic");

    private final Playwright playwright;
    final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts Chromium, or skips the calling test class when it is not installed. */
    static Chromium launch() {
        return launch(List.of());
    }

    /** The same, with more command-line switches (e.g. {@code --host-resolver-rules=...}). */
    static Chromium launch(List<String> extra) {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
                "Browser tests need Chromium at " + EXECUTABLE + " (apt-get install -y chromium); skipped.");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(java.util.stream.Stream.concat(ARGS.stream(), extra.stream()).toList()));
        return new Chromium(playwright, browser);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

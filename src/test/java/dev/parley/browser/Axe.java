package dev.parley.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core (the npm package the frontend build installs) run in the real page: the rules of
 * WCAG 2.x A/AA and axe's best practices. A new violation fails the browser test that looks.
 */
final class Axe {

    static final Path SCRIPT = Path.of("frontend", "node_modules", "axe-core", "axe.min.js");

    private static String source;

    private Axe() {
    }

    /** The axe-core script, read once; the Maven build's npm ci installs it before the tests run. */
    static synchronized String script() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing at " + SCRIPT + ": run npm ci in frontend/", e);
            }
        }
        return source;
    }

    /** Each violation as "rule (impact): help — where", empty when there is none. */
    @SuppressWarnings("unchecked")
    static List<String> violations(Page page) {
        return (List<String>) page.evaluate("""
                async () => {
                  const result = await window.axe.run(document, { resultTypes: ['violations'] });
                  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at `
                      + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', '));
                }""");
    }
}

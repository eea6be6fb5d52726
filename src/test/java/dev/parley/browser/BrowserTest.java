package dev.parley.browser;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: one headless Chromium per test class (skipped with a message where
 * none is installed), fresh practice mailboxes per test, and a page that must end each test
 * without an error in its console — CSP violations included.
 */
@ParleyTest
abstract class BrowserTest {

    static Chromium chromium;

    @LocalServerPort
    int appPort;

    @Autowired
    PracticeServers practice;

    PlaygroundPage learner;

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

    @BeforeEach
    void freshMailboxes() {
        practice.reseed();
    }

    /** A learner at a 1280×720 screen with the playground open. */
    PlaygroundPage openPlayground() {
        learner = new PlaygroundPage(chromium.browser, 1280, 720).open(appPort);
        return learner;
    }

    @AfterEach
    void closePage() {
        if (learner != null) {
            try {
                Assertions.assertThat(learner.errors).as("errors in the page (CSP violations included)").isEmpty();
            } finally {
                learner.close();
            }
        }
    }
}

package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.parley.support.ScriptedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a server sends is text, never markup, and failures read as sentences with a one-click
 * way back.
 */
class HostileServerBrowserTest extends BrowserTest {

    @BeforeEach
    void openPage() {
        openPlayground();
    }

    /**
     * A banner with a script tag, an ANSI colour escape and a NUL. Rendering it as HTML would run
     * the script (and the CSP would then have to stop it); the page must show it literally, with
     * the control characters visible.
     */
    @Test
    void hostileBannerIsShownAsTextWithControlCharactersVisible() throws Exception {
        String banner = "220 <script>window.pwned=1</script>\u001b[31mred\u0000\r\n";
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, banner);
            ScriptedServer.readLine(in); // keep the connection until the client speaks or leaves
        })) {
            learner.connectTo("smtp", "127.0.0.1", server.port());
            // the text as sent, each control character as a named badge (ESC, NUL)
            assertThat(learner.serverRows().first().locator(".text"))
                    .hasText("220 <script>window.pwned=1</script>ESC[31mredNULCRLF");
            assertThat(learner.page.locator("#console .ctl")).hasText(new String[] {"ESC", "NUL"});
            Assertions.assertThat(learner.page.evaluate("() => typeof window.pwned")).isEqualTo("undefined");
            Assertions.assertThat(learner.page.locator("#console script").count()).isZero();
            learner.page.selectOption("#protocol", "smtp");
            learner.screenshot("hostile-banner");
            Assertions.assertThat(learner.errors).isEmpty();
        }
    }

    @Test
    void refusedConnectionSaysSoAndReconnectIsOneClick() throws Exception {
        int port = ScriptedServer.refusedPort();
        learner.connectTo("smtp", "127.0.0.1", port);
        assertThat(learner.console()).containsText("Could not connect");
        assertThat(learner.page.locator("#target-state")).containsText("Could not connect");
        assertThat(learner.page.locator("#reconnect")).isVisible();
        learner.screenshot("refused-connection");

        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> greetAndWait(server));
            learner.page.locator("#console li.system-error button").last().click();
            assertThat(learner.page.locator("#target-state")).containsText("Connected");
            assertThat(learner.serverRows().last()).containsText("220 back again");
        }
        Assertions.assertThat(learner.errors).isEmpty();
    }

    private static void greetAndWait(ServerSocket server) {
        try (Socket socket = server.accept()) {
            OutputStream out = socket.getOutputStream();
            out.write("220 back again\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ScriptedServer.readLine(in);
        } catch (IOException e) {
            // the test has ended and closed the server
        }
    }
}

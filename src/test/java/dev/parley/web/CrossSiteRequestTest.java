package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.ParleyTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cross-site and rebinding rules of issue #9, request by request over a raw socket, so every
 * header is exactly what an attacker would send. Each case is the input that worked before, or its
 * next neighbour: a foreign {@code Host} (DNS rebinding) got the page and a WebSocket; a malformed
 * {@code Origin} ({@code http://127.0.0.1:8080.evil.example}) got a 500 with a stack trace in the
 * log; a {@code text/plain} POST from another site ran a replay and imported a transcript.
 */
@ParleyTest
class CrossSiteRequestTest {

    @LocalServerPort
    int port;

    /** Sends one HTTP/1.1 request as written and returns the status code. */
    private int status(String method, String path, String... headers) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            boolean host = false;
            for (String header : headers) {
                request.append(header).append("\r\n");
                host |= header.regionMatches(true, 0, "Host:", 0, 5);
            }
            if (!host) {
                request.append("Host: localhost:").append(port).append("\r\n");
            }
            boolean body = method.equals("POST");
            request.append("Connection: close\r\n").append(body ? "Content-Length: 2\r\n\r\n{}" : "\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static final String[] WEBSOCKET = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};

    private String[] websocket(String... more) {
        String[] all = new String[WEBSOCKET.length + more.length];
        System.arraycopy(WEBSOCKET, 0, all, 0, WEBSOCKET.length);
        System.arraycopy(more, 0, all, WEBSOCKET.length, more.length);
        return all;
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io",
        "192.168.1.20", "0.0.0.0", "[::ffff:127.0.0.1]"})
    void aHostParleyDoesNotAnswerToIsMisdirected(String host) throws Exception {
        assertThat(status("GET", "/", "Host: " + host)).isEqualTo(421);
        assertThat(status("GET", "/ws/session", websocket("Host: " + host, "Origin: http://" + host))).isEqualTo(421);
        assertThat(status("POST", "/api/replay", "Host: " + host, "Content-Type: application/json")).isEqualTo(421);
    }

    /** Not a host at all: Tomcat refuses it before Parley sees it. */
    @org.junit.jupiter.api.Test
    void aHostThatIsNoHostIsABadRequest() throws Exception {
        assertThat(status("GET", "/", "Host: localhost@evil.example")).isEqualTo(400);
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "127.0.0.1"})
    void theLoopbackNamesAreAnswered(String host) throws Exception {
        assertThat(status("GET", "/", "Host: " + host + ":" + port)).isEqualTo(200);
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"http://127.0.0.1:8080.evil.example", "http://[::1", "http://localhost:99999",
        "http://localhost:8080/path", "javascript:alert(1)", "http://user@localhost", "http://%00"})
    void aMalformedOriginIsRefusedQuietly(String origin) throws Exception {
        assertThat(status("GET", "/api/protocols", "Origin: " + origin)).isEqualTo(403);
        assertThat(status("GET", "/ws/session", websocket("Origin: " + origin))).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} {1} from {2}")
    @CsvSource({
        "POST, /api/replay, http://evil.example",
        "POST, /api/transcripts, http://evil.example",
        "POST, /api/library, https://evil.example",
        "POST, /api/practice/reset, http://localhost:1",
        "DELETE, /api/transcripts/AAAAAAAAAAAAAAAAAAAAAA, http://127.0.0.1.evil.example",
        "POST, /api/replay, null",
    })
    void aStateChangingRequestFromAnotherOriginIsRefused(String method, String path, String origin) throws Exception {
        assertThat(status(method, path, "Origin: " + origin, "Content-Type: text/plain")).isEqualTo(403);
    }

    @ParameterizedTest(name = "Sec-Fetch-Site: {0}")
    @ValueSource(strings = {"cross-site", "same-site"})
    void aStateChangingRequestThatTheBrowserSaysCameFromElsewhereIsRefused(String site) throws Exception {
        assertThat(status("POST", "/api/transcripts", "Sec-Fetch-Site: " + site, "Content-Type: text/plain"))
                .isEqualTo(403);
        assertThat(status("GET", "/ws/session", websocket("Sec-Fetch-Site: " + site))).isEqualTo(403);
    }

    @ParameterizedTest(name = "Origin {0}")
    @ValueSource(strings = {"http://localhost:PORT", "http://127.0.0.1:PORT"})
    void parleysOwnPagesMayPostAndOpenSessions(String origin) throws Exception {
        String own = origin.replace("PORT", Integer.toString(port));
        String host = own.substring("http://".length());
        assertThat(status("GET", "/ws/session", websocket("Host: " + host, "Origin: " + own,
                "Sec-Fetch-Site: same-origin"))).isEqualTo(101);
        assertThat(status("POST", "/api/library/diff", "Host: " + host, "Origin: " + own,
                "Content-Type: application/json")).isEqualTo(200);
    }

    /**
     * Chromium sends a form on Parley's own page (the instructor's login) with {@code Origin: null},
     * because the page's Referrer-Policy is no-referrer: the login form was refused with 403. The
     * browser's Sec-Fetch-Site says where the form really was.
     */
    @org.junit.jupiter.api.Test
    void parleysOwnFormsPostWithANullOriginThatTheBrowserSaysIsSameOrigin() throws Exception {
        assertThat(status("POST", "/api/library/diff", "Origin: null", "Sec-Fetch-Site: same-origin",
                "Content-Type: application/json")).isEqualTo(200);
        assertThat(status("POST", "/api/library/diff", "Origin: null", "Sec-Fetch-Site: cross-site",
                "Content-Type: application/json")).isEqualTo(403);
        assertThat(status("POST", "/api/library/diff", "Origin: null", "Content-Type: application/json"))
                .isEqualTo(403);
    }

    @org.junit.jupiter.api.Test
    void aScriptWithoutOriginMayUseTheApi() throws Exception {
        assertThat(status("GET", "/ws/session", websocket())).isEqualTo(101);
        assertThat(status("POST", "/api/library/diff", "Content-Type: application/json")).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void aReplayMustBeJsonSoAFormCannotSendIt() throws Exception {
        assertThat(status("POST", "/api/replay", "Content-Type: text/plain")).isEqualTo(415);
    }
}

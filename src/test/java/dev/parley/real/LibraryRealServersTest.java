package dev.parley.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.library.LibraryClient;
import dev.parley.support.ParleyTest;
import dev.parley.support.RealServers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Library mode against servers nobody here wrote: Dovecot, Postfix and nginx, skipped where absent. */
@ParleyTest
class LibraryRealServersTest {

    @LocalServerPort
    int appPort;

    LibraryClient library;

    @BeforeEach
    void client() {
        library = new LibraryClient(appPort);
    }

    @Test
    void dovecotSearchFromCrisFindsTheLessonMessageAfterASaslLogin() throws Exception {
        RealServers.Endpoint imap = RealServers.require("PARLEY_REAL_IMAP", "Dovecot IMAP");
        LibraryClient.Answer answer = library.call("imap", "localhost", imap.port(), "none", "demo", "demo",
                "imap.search", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.result().path("messages").valueStream().map(JsonNode::asInt)).contains(1);
        // Dovecot offers AUTH=PLAIN, so Jakarta Mail uses SASL: its base64 credentials line is masked.
        assertThat(answer.trace()).anyMatch(l -> l.matches("C: [A-Z]+\\d+ AUTHENTICATE PLAIN")).contains("C: ********");
        assertThat(answer.body()).doesNotContain("AGRlbW8AZGVtbw==", "LOGIN demo demo");
        assertThat(answer.json().path("byHand").valueStream().map(s -> s.path("line").asString()))
                .contains("LOGIN demo <password>");

        LibraryClient.Answer message = library.call("imap", "localhost", imap.port(), "none", "demo", "demo",
                "imap.message", Map.of("message", "1"));
        assertThat(message.status()).as(message.body()).isEqualTo(200);
        assertThat(message.result().path("mime").path("from").asString()).contains("cris@localhost");
        assertThat(message.result().path("mime").path("tree").path("text").asString())
                .contains("If you are reading this email");
    }

    @Test
    void dovecotImplicitTlsVerifiesTheCertificateForTheNameTyped() throws Exception {
        RealServers.Endpoint imaps = RealServers.require("PARLEY_REAL_IMAPS", "Dovecot IMAPS");
        LibraryClient.Answer answer = library.call("imap", "localhost", imaps.port(), "implicit", "demo", "demo",
                "imap.list", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.result().valueStream().map(f -> f.path("name").asString())).contains("INBOX");
    }

    @Test
    void dovecotPop3StatAndListWithoutThePasswordInSight() throws Exception {
        RealServers.Endpoint pop3 = RealServers.require("PARLEY_REAL_POP3", "Dovecot POP3");
        LibraryClient.Answer stat = library.call("pop3", "localhost", pop3.port(), "none", "bob", "redqueen",
                "pop3.stat", Map.of());
        assertThat(stat.status()).as(stat.body()).isEqualTo(200);
        assertThat(stat.result().path("messages").asInt()).isPositive();
        assertThat(stat.trace()).anyMatch(l -> l.startsWith("S: +OK")).contains("C: STAT");
        assertThat(stat.body()).doesNotContain("redqueen", "cmVkcXVlZW4=");

        LibraryClient.Answer list = library.call("pop3", "localhost", pop3.port(), "none", "bob", "redqueen",
                "pop3.list", Map.of());
        assertThat(list.result().size()).isEqualTo(stat.result().path("messages").asInt());
    }

    @Test
    void postfixDeliversWhatTheLibrarySendsToDovecot() throws Exception {
        RealServers.Endpoint smtp = RealServers.require("PARLEY_REAL_SMTP", "Postfix SMTP");
        RealServers.Endpoint imap = RealServers.require("PARLEY_REAL_IMAP", "Dovecot IMAP");
        String subject = "Library " + UUID.randomUUID();
        LibraryClient.Answer sent = library.call("smtp", "localhost", smtp.port(), "none", null, null, "smtp.send",
                Map.of("from", "bob@localhost", "to", "demo@localhost", "subject", subject));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.trace()).anyMatch(l -> l.startsWith("S: 220 ")).contains("C: DATA", "C: .")
                .anyMatch(l -> l.startsWith("S: 250 ") && l.contains("queued"));

        LibraryClient.Answer found = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            found = library.call("imap", "localhost", imap.port(), "none", "demo", "demo", "imap.search",
                    Map.of("criteria", "SUBJECT \"" + subject + "\""));
            if (found.result().path("messages").size() == 1) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(found.result().path("messages").size()).as(found.body()).isEqualTo(1);
    }

    @Test
    void nginxPagesOverHttpAndHttps() throws Exception {
        RealServers.Endpoint http = RealServers.require("PARLEY_REAL_HTTP", "nginx");
        LibraryClient.Answer hello = library.call("http", "localhost", http.port(), "none", null, null, "http.get",
                Map.of("path", "/hello.txt"));
        assertThat(hello.status()).as(hello.body()).isEqualTo(200);
        assertThat(hello.trace()).contains("S: HTTP/1.1 200 OK", "S: Hello, world!");

        RealServers.Endpoint https = RealServers.require("PARLEY_REAL_HTTPS", "nginx HTTPS");
        LibraryClient.Answer secure = library.call("http", "localhost", https.port(), "implicit", null, null,
                "http.get", Map.of("path", "/hello.txt"));
        assertThat(secure.status()).as(secure.body()).isEqualTo(200);
        assertThat(secure.result().path("text").asString()).contains("Hello, world!");
    }

    /**
     * Issue #8, item 7: http.get connects to the policy's checked address, but TLS must be verified
     * for the name the learner typed, with SNI, and Host must carry that name. This nginx port
     * presents a certificate that names {@code localhost} only, with no IP address in it: before, the
     * call verified the certificate against 127.0.0.1 (and sent no SNI), so it could only fail here,
     * and the one HTTPS test passed only because the usual test certificate also names the IP.
     */
    @Test
    void httpsIsVerifiedForTheNameTypedNotTheAddressConnectedTo() throws Exception {
        RealServers.Endpoint named = RealServers.require("PARLEY_REAL_HTTPS_NAMED", "nginx HTTPS, name-only certificate");
        LibraryClient.Answer byName = library.call("http", "localhost", named.port(), "implicit", null, null,
                "http.get", Map.of("path", "/hello.txt"));
        assertThat(byName.status()).as(byName.body()).isEqualTo(200);
        assertThat(byName.result().path("text").asString()).contains("Hello, world!");
        assertThat(byName.trace()).contains("C: Host: localhost:" + named.port());

        LibraryClient.Answer byAddress = library.call("http", "127.0.0.1", named.port(), "implicit", null, null,
                "http.get", Map.of("path", "/hello.txt"));
        assertThat(byAddress.status()).as("a certificate without the address typed is refused").isNotEqualTo(200);
        assertThat(byAddress.body()).containsIgnoringCase("certificate");
    }
}

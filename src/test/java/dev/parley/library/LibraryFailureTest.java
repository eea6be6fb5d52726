package dev.parley.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import dev.parley.support.ScriptedServer;
import dev.parley.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Library calls that fail come back as problem+json with a sentence and the partial trace; calls
 * at once keep their traces apart; a hand-typed conversation is compared with the library's.
 */
@ParleyTest
class LibraryFailureTest {

    @LocalServerPort
    int appPort;

    @Autowired
    PracticeServers practice;

    LibraryClient library;

    @BeforeEach
    void fresh() {
        practice.reseed();
        library = new LibraryClient(appPort);
    }

    private int imapPort() {
        return practice.endpoint("imap", "none").port();
    }

    private static void assertProblem(LibraryClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asString()).isNotBlank();
        assertThat(answer.json().path("error").asString()).isEqualTo(answer.json().path("detail").asString());
    }

    @Test
    void wrongPasswordIsRefusedWithTheTraceOfTheLogin() throws Exception {
        LibraryClient.Answer imap = library.call("imap", "localhost", imapPort(), "none", "demo", "not-the-password",
                "imap.list", Map.of());
        assertProblem(imap, 422);
        assertThat(imap.json().path("detail").asString()).contains("refused the user name or password");
        assertThat(imap.trace()).anyMatch(l -> l.matches("C: [A-Z]+\\d+ LOGIN demo \\*{8}"))
                .anyMatch(l -> l.matches("S: [A-Z]+\\d+ NO .*"));
        assertThat(imap.json().path("java").asString()).contains("store.connect(\"demo\", password)");
        assertThat(imap.body()).doesNotContain("not-the-password");

        LibraryClient.Answer pop3 = library.call("pop3", "localhost", practice.endpoint("pop3", "none").port(), "none",
                "bob", "wrong-queen", "pop3.stat", Map.of());
        assertProblem(pop3, 422);
        assertThat(pop3.trace()).contains("C: USER bob", "C: PASS ********").anyMatch(l -> l.startsWith("S: -ERR"));
        assertThat(pop3.body()).doesNotContain("wrong-queen");
    }

    @Test
    void aMissingFolderOrMessageIsExplained() throws Exception {
        LibraryClient.Answer folder = library.call("imap", "localhost", imapPort(), "none", "demo", "demo",
                "imap.select", Map.of("folder", "Nope"));
        assertProblem(folder, 422);
        assertThat(folder.json().path("detail").asString()).contains("no folder “Nope”");
        assertThat(folder.trace()).anyMatch(l -> l.matches("C: [A-Z]+\\d+ SELECT Nope"))
                .anyMatch(l -> l.matches("S: [A-Z]+\\d+ NO .*"));

        LibraryClient.Answer message = library.call("imap", "localhost", imapPort(), "none", "demo", "demo",
                "imap.fetch", Map.of("message", "9"));
        assertProblem(message, 422);
        assertThat(message.json().path("detail").asString()).contains("INBOX holds 1 message", "no message 9");
    }

    @Test
    void refusedConnectionAndSilentServerFailWithWhatHappenedSoFar() throws Exception {
        int refused = ScriptedServer.refusedPort();
        LibraryClient.Answer nobody = library.call("imap", "localhost", refused, "none", "demo", "demo", "imap.list",
                Map.of());
        assertProblem(nobody, 502);
        assertThat(nobody.json().path("detail").asString()).contains("Nothing is listening on localhost:" + refused);
        assertThat(nobody.trace()).isEmpty();

        try (ScriptedServer silent = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "* OK Hello, then silence\r\n");
            ScriptedServer.readLine(in);
            Thread.sleep(4000);
        })) {
            LibraryClient.Answer slow = library.call("imap", "localhost", silent.port(), "none", "demo", "demo",
                    "imap.list", Map.of());
            assertProblem(slow, 504);
            assertThat(slow.json().path("detail").asString()).contains("No answer from localhost:" + silent.port());
            assertThat(slow.trace()).containsExactly("S: * OK Hello, then silence",
                    slow.trace().get(1)).satisfies(t -> assertThat(t.get(1)).matches("C: [A-Z]+0 CAPABILITY"));
        }
    }

    @Test
    void badRequestsAreRefusedBeforeConnecting() throws Exception {
        LibraryClient.Answer unknown = library.call("imap", "localhost", imapPort(), "none", "demo", "demo",
                "imap.shout", Map.of());
        assertProblem(unknown, 400);
        assertThat(unknown.json().path("detail").asString()).contains("imap.shout", "/api/library/calls");

        LibraryClient.Answer badArg = library.call("imap", "localhost", imapPort(), "none", "demo", "demo",
                "imap.fetch", Map.of("what", "everything"));
        assertProblem(badArg, 400);
        assertThat(badArg.json().path("detail").asString()).contains("header, text, flags, whole");

        LibraryClient.Answer mismatch = library.call("pop3", "localhost", imapPort(), "none", "demo", "demo",
                "imap.list", Map.of());
        assertProblem(mismatch, 400);

        LibraryClient.Answer criteria = library.call("imap", "localhost", imapPort(), "none", "demo", "demo",
                "imap.search", Map.of("criteria", "SINCE 1-Jan-2020"));
        assertProblem(criteria, 400);
        assertThat(criteria.json().path("detail").asString()).contains("SINCE");

        LibraryClient.Answer garbage = library.post("/api/library", "{not json");
        assertProblem(garbage, 400);
    }

    @Test
    void callsAtTheSameTimeKeepTheirTracesApart() throws Exception {
        int calls = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LibraryClient.Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(calls)) {
            for (int i = 0; i < calls; i++) {
                boolean demo = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return demo
                            ? library.call("imap", "localhost", imapPort(), "none", "demo", "demo", "imap.search", Map.of())
                            : library.call("imap", "localhost", imapPort(), "none", "frobozz", "xyzzy", "imap.list",
                                    Map.of());
                }));
            }
            start.countDown();
            for (int i = 0; i < calls; i++) {
                LibraryClient.Answer answer = answers.get(i).get();
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                List<String> trace = answer.trace();
                String me = i % 2 == 0 ? "demo" : "frobozz";
                String other = i % 2 == 0 ? "frobozz" : "demo";
                assertThat(trace.stream().filter(l -> l.startsWith("S: * OK IMAP4rev1"))).hasSize(1);
                assertThat(trace.stream().filter(l -> l.startsWith("C: ") && l.contains(" LOGIN "))).singleElement().asString()
                        .contains("LOGIN " + me + " ");
                assertThat(String.join("\n", trace)).doesNotContain(other);
                assertThat(trace.stream().filter(l -> l.startsWith("C: ") && l.contains(" SEARCH ")).count()).isEqualTo(i % 2 == 0 ? 1 : 0);
                assertThat(answer.body()).doesNotContain("xyzzy");
            }
        }
    }

    @Test
    void aConversationTypedByHandIsComparedWithTheLibrarysAndEachDifferenceExplained() throws Exception {
        LibraryClient.Answer search = library.call("imap", "localhost", imapPort(), "none", "demo", "demo",
                "imap.search", Map.of());
        List<String> hand = new ArrayList<>();
        try (WsClient ws = WsClient.open(appPort)) {
            ws.greeting("imap", "localhost", imapPort(), "none").lines().forEach(l -> hand.add("S: " + l));
            for (String line : List.of("login demo demo", "SELECT INBOX", "SEARCH FROM \"cris\"", "LOGOUT")) {
                WsClient.Answer answer = ws.exchange(line);
                answer.sent().forEach(l -> hand.add("C: " + l.replace("demo demo", "demo ********")));
                answer.lines().forEach(l -> hand.add("S: " + l));
            }
        }
        LibraryClient.Answer diff = library.post("/api/library/diff",
                LibraryClient.json(Map.of("library", search.trace(), "byHand", hand)));
        assertThat(diff.status()).as(diff.body()).isEqualTo(200);
        List<JsonNode> pairs = diff.json().path("pairs").valueStream().toList();
        String explanations = diff.body();
        assertThat(explanations).contains("Tags are left out of the comparison", "Only capitalisation differs", "EXAMINE vs SELECT",
                "The library asks what the server supports", "SearchTerm");
        assertThat(pairs).anySatisfy(p -> {
            assertThat(p.path("library").asString()).matches("C: [A-Z]+\\d+ EXAMINE INBOX");
            assertThat(p.path("byHand").asString()).isEqualTo("C: A0002 SELECT INBOX");
        });
        assertThat(pairs).anySatisfy(p -> {
            assertThat(p.path("kind").asString()).isEqualTo("libraryOnly");
            assertThat(p.path("library").asString()).matches("C: [A-Z]+\\d+ CAPABILITY");
        });
        assertThat(pairs).anySatisfy(p -> assertThat(p.path("library").asString()).isEqualTo("S: * SEARCH 1"));
        assertThat(diff.json().path("differences").asInt()).isPositive();
    }

    /**
     * A server that announces a huge body and keeps sending: the library reads a bounded part,
     * says so, and the call still answers (nothing grows without bound).
     */
    @Test
    void anEndlessHttpBodyIsCutNotBuffered() throws Exception {
        try (dev.parley.support.ScriptedServer server = new dev.parley.support.ScriptedServer((socket, in, out) -> {
            dev.parley.support.ScriptedServer.readLine(in);
            dev.parley.support.ScriptedServer.write(out,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000000\r\n\r\n");
            byte[] chunk = "endless line of text\n".repeat(1000).getBytes();
            try {
                for (int i = 0; i < 1000; i++) {
                    out.write(chunk);
                }
            } catch (java.io.IOException expected) {
                // The client stopped reading and closed: that is the point.
            }
        })) {
            LibraryClient.Answer answer = library.call("http", "127.0.0.1", server.port(), "none", null, null,
                    "http.get", java.util.Map.of("path", "/"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.result().path("bodyCut").asBoolean()).isTrue();
            assertThat(answer.trace()).anyMatch(l -> l.contains("not read further"));
        }
    }
}

package dev.parley.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every library call against the practice servers, as the lesson's Python session makes them. */
@ParleyTest
class LibraryPracticeTest {

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

    private LibraryClient.Answer imap(String call, Map<String, String> args) throws Exception {
        return library.call("imap", "localhost", practice.endpoint("imap", "none").port(), "none", "demo", "demo",
                call, args);
    }

    private LibraryClient.Answer pop3(String call, Map<String, String> args) throws Exception {
        return library.call("pop3", "localhost", practice.endpoint("pop3", "none").port(), "none", "bob", "redqueen",
                call, args);
    }

    /** No form of a password anywhere in the response: trace, result, code, by-hand steps. */
    private static void assertNoSecret(LibraryClient.Answer answer) {
        assertThat(answer.body()).doesNotContain("redqueen", "cmVkcXVlZW4=", "AGJvYgByZWRxdWVlbg==",
                "LOGIN demo demo", "AGRlbW8AZGVtbw==", "PASS redqueen");
    }

    @Test
    void callsAreListedPerProtocolWithTheirArguments() throws Exception {
        JsonNode calls = library.get("/api/library/calls").json();
        assertThat(calls.path("imap").valueStream().map(c -> c.path("name").asString()))
                .containsExactly("imap.list", "imap.select", "imap.search", "imap.fetch", "imap.message");
        assertThat(calls.path("pop3").size()).isEqualTo(4);
        JsonNode search = calls.path("imap").get(2);
        assertThat(search.path("args").valueStream().filter(a -> a.path("name").asString().equals("criteria")))
                .singleElement().satisfies(a -> assertThat(a.path("defaultValue").asString()).isEqualTo("FROM \"cris\""));
        assertThat(calls.path("smtp").get(0).path("name").asString()).isEqualTo("smtp.send");
        assertThat(calls.path("http").get(0).path("name").asString()).isEqualTo("http.get");
    }

    @Test
    void listLogsInAndListsTheFoldersWithTheWholeConversation() throws Exception {
        LibraryClient.Answer answer = imap("imap.list", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.result().valueStream().map(f -> f.path("name").asString())).contains("INBOX");
        assertThat(answer.trace().getFirst()).startsWith("S: * OK IMAP4rev1 Server GreenMail");
        assertThat(answer.trace()).anyMatch(l -> l.matches("C: [A-Z]+0 CAPABILITY"))
                .anyMatch(l -> l.matches("C: [A-Z]+1 LOGIN demo \\*{8}"))
                .anyMatch(l -> l.matches("C: [A-Z]+\\d+ LIST \"\" \"\\*\""))
                .anyMatch(l -> l.startsWith("S: * LIST") && l.contains("INBOX"))
                .noneMatch(l -> l.contains("DEBUG"))
                .allMatch(l -> l.startsWith("C: ") || l.startsWith("S: "));
        assertThat(answer.json().path("java").asString()).contains("store.connect(\"demo\", password)",
                "getDefaultFolder().list(\"*\")");
        assertThat(answer.json().path("python").asString()).contains("imaplib.IMAP4('localhost'", "conn.list()");
        assertNoSecret(answer);

        String transcriptId = answer.json().path("transcriptId").asString();
        assertThat(transcriptId).as("the run is stored as a transcript").isNotBlank();
        LibraryClient.Answer stored = library.get("/api/transcripts/" + transcriptId + ".txt");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body()).contains("# origin: library", "LIST \"\" \"*\"")
                .doesNotContain("LOGIN demo demo", "AGRlbW8AZGVtbw==");
    }

    @Test
    void selectOpensReadWriteAndReportsTheCounts() throws Exception {
        LibraryClient.Answer answer = imap("imap.select", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.trace()).anyMatch(l -> l.matches("C: [A-Z]+\\d+ SELECT INBOX"))
                .anyMatch(l -> l.equals("S: * 1 EXISTS"));
        assertThat(answer.result().path("messages").asInt()).isEqualTo(1);
        assertThat(answer.result().path("mode").asString()).isEqualTo("READ_WRITE");

        LibraryClient.Answer readOnly = imap("imap.select", Map.of("mode", "READ_ONLY"));
        assertThat(readOnly.trace()).anyMatch(l -> l.matches("C: [A-Z]+\\d+ EXAMINE INBOX"));
    }

    @Test
    void searchFromCrisFindsExactlyTheLessonMessage() throws Exception {
        LibraryClient.Answer answer = imap("imap.search", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.result().path("messages").valueStream().map(JsonNode::asInt)).containsExactly(1);
        assertThat(answer.trace()).anyMatch(l -> l.matches("C: [A-Z]+\\d+ EXAMINE INBOX"))
                .anyMatch(l -> l.matches("C: [A-Z]+\\d+ SEARCH FROM cris ALL")).contains("S: * SEARCH 1");
        assertThat(answer.json().path("java").asString()).contains("folder.search(new FromStringTerm(\"cris\"))");
        assertThat(answer.json().path("python").asString()).contains("conn.search(None, '(FROM \"cris\")')");
        assertThat(answer.json().path("byHand").valueStream().map(s -> s.path("line").asString()))
                .contains("LOGIN demo <password>", "EXAMINE INBOX", "SEARCH FROM cris ALL");
    }

    @Test
    void fetchGetsEachPartTheLessonFetches() throws Exception {
        LibraryClient.Answer header = imap("imap.fetch", Map.of("what", "header"));
        assertThat(header.status()).as(header.body()).isEqualTo(200);
        assertThat(header.trace()).anyMatch(l -> l.matches("C: [A-Z]+\\d+ FETCH 1 \\(BODY\\.PEEK\\[HEADER]\\)"))
                .anyMatch(l -> l.startsWith("S: * 1 FETCH (BODY[HEADER] {"))
                .contains("S: From: Cris <cris>");
        assertThat(header.result().path("headers").valueStream().map(h -> h.path("name").asString()))
                .contains("From", "Subject", "Message-ID");

        LibraryClient.Answer text = imap("imap.fetch", Map.of("what", "text"));
        // demo's message is multipart (the lesson's msg.get_payload()[0]): its text is the parts with their boundaries
        assertThat(text.result().path("text").asString()).contains("--=_parley_lesson_", "If you are reading this email");
        assertThat(text.trace()).anyMatch(l -> l.contains("FETCH 1 (BODY[TEXT]"));

        LibraryClient.Answer flags = imap("imap.fetch", Map.of("what", "flags"));
        assertThat(flags.trace()).anyMatch(l -> l.matches("C: [A-Z]+\\d+ FETCH 1 \\(FLAGS\\)"));
        assertThat(flags.result().path("flags").isArray()).isTrue();

        LibraryClient.Answer whole = imap("imap.fetch", Map.of("what", "whole"));
        assertThat(whole.result().path("text").asString()).contains("Subject: Protocols in Python",
                "If you are reading this email");
        assertThat(whole.result().path("octets").asInt()).isGreaterThan(100);
    }

    @Test
    void messageIsParsedIntoItsMimeTree() throws Exception {
        LibraryClient.Answer answer = imap("imap.message", Map.of("message", "1"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode mime = answer.result().path("mime");
        assertThat(mime.path("subject").asString()).isEqualTo("Protocols in Python");
        assertThat(mime.path("headers").valueStream().map(h -> h.path("name").asString())).contains("From", "To");
        assertThat(mime.path("tree").path("contentType").asString()).isEqualTo("multipart/alternative");
        JsonNode first = mime.path("tree").path("parts").get(0);
        assertThat(first.path("contentType").asString()).isEqualTo("text/plain");
        assertThat(first.path("text").asString()).startsWith("If you are reading this email");
        assertThat(mime.path("tree").path("parts").get(1).path("contentType").asString()).isEqualTo("text/html");

        // the tree's size of the body is what BODY[TEXT] announces: one count for one body
        LibraryClient.Answer text = imap("imap.fetch", Map.of("what", "text"));
        String announced = text.trace().stream().filter(l -> l.startsWith("S: * 1 FETCH (") && l.matches(".*BODY\\[TEXT](<0>)? ?\\{\\d+}$")).findFirst()
                .orElseThrow();
        assertThat(mime.path("tree").path("size").asInt())
                .isEqualTo(Integer.parseInt(announced.replaceAll(".*\\{(\\d+)}$", "$1")));
        assertThat(answer.result().path("raw").path("text").asString()).contains("Message-ID: <python.1@practice.parley>");
    }

    @Test
    void pop3StatListRetrieveAndDeleteAsTheLessonDoes() throws Exception {
        LibraryClient.Answer stat = pop3("pop3.stat", Map.of());
        assertThat(stat.status()).as(stat.body()).isEqualTo(200);
        assertThat(stat.result().path("messages").asInt()).isEqualTo(2);
        assertThat(stat.trace()).first().asString().startsWith("S: +OK POP3 GreenMail");
        assertThat(stat.trace()).contains("C: USER bob", "C: PASS ********", "C: STAT", "C: QUIT");
        assertNoSecret(stat);

        LibraryClient.Answer list = pop3("pop3.list", Map.of());
        assertThat(list.result().size()).isEqualTo(2);
        assertThat(list.trace()).contains("C: LIST", "S: .");

        LibraryClient.Answer retr = pop3("pop3.retr", Map.of("message", "1"));
        assertThat(retr.status()).as(retr.body()).isEqualTo(200);
        assertThat(retr.trace()).contains("C: RETR 1", "S: Subject: Tea at four");
        assertThat(retr.result().path("mime").path("subject").asString()).isEqualTo("Tea at four");
        assertNoSecret(retr);

        LibraryClient.Answer dele = pop3("pop3.dele", Map.of("message", "1"));
        assertThat(dele.status()).as(dele.body()).isEqualTo(200);
        assertThat(dele.trace()).containsSubsequence("C: DELE 1", "C: QUIT");
        assertThat(pop3("pop3.stat", Map.of()).result().path("messages").asInt()).isEqualTo(1);
    }

    @Test
    void aMultipartMessageWithAnAttachmentAndANonAsciiSubjectHasTheRightTree() throws Exception {
        int smtp = practice.endpoint("smtp", "none").port();
        LibraryClient.Answer sent = library.call("smtp", "localhost", smtp, "none", "bob", "redqueen", "smtp.send",
                Map.of("from", "bob@localhost", "to", "demo@localhost", "subject", "Grüße aus Wien — ½ €",
                        "text", "Hallo!\n.A line with a leading dot.\nBye", "attachmentName", "notes.txt",
                        "attachmentText", "Zwei Zeilen\nim Anhang"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.trace()).contains("C: AUTH LOGIN", "C: ********", "C: MAIL FROM:<bob@localhost>",
                "C: RCPT TO:<demo@localhost>", "C: DATA", "C: .")
                .anyMatch(l -> l.startsWith("C: Subject: =?UTF-8?"));
        assertThat(sent.json().path("byHand").valueStream().map(s -> s.path("line").asString()))
                .contains("<your password in base64>", ".A line with a leading dot.");
        assertNoSecret(sent);

        for (LibraryClient.Answer fetched : new LibraryClient.Answer[] {
            imap("imap.message", Map.of("message", "2")),
            library.call("pop3", "localhost", practice.endpoint("pop3", "none").port(), "none", "demo", "demo",
                    "pop3.retr", Map.of("message", "2"))}) {
            assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
            JsonNode mime = fetched.result().path("mime");
            assertThat(mime.path("subject").asString()).isEqualTo("Grüße aus Wien — ½ €");
            assertThat(mime.path("headers").valueStream().filter(h -> h.path("name").asString().equals("Subject")))
                    .singleElement().satisfies(h -> {
                        assertThat(h.path("value").asString()).startsWith("=?UTF-8?");
                        assertThat(h.path("decoded").asString()).isEqualTo("Grüße aus Wien — ½ €");
                    });
            JsonNode tree = mime.path("tree");
            assertThat(tree.path("contentType").asString()).isEqualTo("multipart/mixed");
            assertThat(tree.path("parts").size()).isEqualTo(2);
            JsonNode text = tree.path("parts").get(0);
            assertThat(text.path("contentType").asString()).isEqualTo("text/plain");
            assertThat(text.path("charset").asString()).isEqualToIgnoringCase("UTF-8");
            assertThat(text.path("text").asString().replace("\r\n", "\n")).isEqualTo("Hallo!\n.A line with a leading dot.\nBye");
            assertThat(text.path("path").asString()).isEqualTo("1.1");
            JsonNode file = tree.path("parts").get(1);
            assertThat(file.path("filename").asString()).isEqualTo("notes.txt");
            assertThat(file.path("disposition").asString()).isEqualTo("attachment");
            assertThat(file.path("transferEncoding").asString()).isNotBlank();
            assertThat(file.path("text").asString().replace("\r\n", "\n")).isEqualTo("Zwei Zeilen\nim Anhang");
            assertThat(file.path("decodedSize").asLong()).isEqualTo("Zwei Zeilen\r\nim Anhang".length());
            assertThat(file.path("size").asInt()).isPositive();
            assertNoSecret(fetched);
        }
    }

    @Test
    void implicitTlsTrustsThePracticeCertificateForTheNameTyped() throws Exception {
        LibraryClient.Answer answer = library.call("imap", "localhost", practice.endpoint("imap", "implicit").port(),
                "implicit", "demo", "demo", "imap.search", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.result().path("messages").valueStream().map(JsonNode::asInt)).containsExactly(1);
        assertThat(answer.json().path("java").asString()).contains("mail.imap.ssl.enable");
        assertThat(answer.json().path("python").asString()).contains("IMAP4_SSL");
    }

    @Test
    void httpGetRebuildsTheTraceFromRequestAndResponse() throws Exception {
        int http = practice.endpoint("http", "none").port();
        LibraryClient.Answer text = library.call("http", "localhost", http, "none", null, null, "http.get",
                Map.of("path", "/hello.txt"));
        assertThat(text.status()).as(text.body()).isEqualTo(200);
        assertThat(text.trace()).startsWith("C: GET /hello.txt HTTP/1.1", "C: Host: localhost:" + http)
                .anyMatch(l -> l.startsWith("C: User-Agent: Java-http-client/")).contains("S: HTTP/1.1 200 OK");
        assertThat(text.result().path("status").asInt()).isEqualTo(200);
        assertThat(text.json().path("python").asString()).contains("http.client.HTTPConnection('localhost', " + http);

        LibraryClient.Answer image = library.call("http", "localhost", http, "none", null, null, "http.get",
                Map.of("path", "/parley.png"));
        assertThat(image.trace().getLast()).matches("S: <\\d+ octets of image/png, not shown>");
    }
}

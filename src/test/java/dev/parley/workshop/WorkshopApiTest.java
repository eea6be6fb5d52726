package dev.parley.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.bus.EventBus;
import dev.parley.practice.PracticeServers;
import dev.parley.support.HostedParleyTest;
import dev.parley.support.WsClient;
import dev.parley.transcript.TranscriptRecorder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.WebSocketHttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * A workshop through its REST and WebSocket doors, as an instructor and attendees use it (issue #10,
 * CONTRACTS.md §7): create, join with one's own practice mailbox, mail each other, the roster with
 * progress, broadcast, suggest, follow, remove, end — and what nobody else may do.
 */
@HostedParleyTest
class WorkshopApiTest {

    @LocalServerPort
    int port;

    @Autowired
    PracticeServers practice;

    @Autowired
    AttendeeActivity activity;

    @Autowired
    AttendeeSockets sockets;

    @Autowired
    EventBus bus;

    @Autowired
    TranscriptRecorder recorder;

    private JsonNode create(String title, int capacity) throws Exception {
        WorkshopClient.Reply created = WorkshopClient.instructor(port).post("/api/workshops",
                Map.of("title", title, "capacity", capacity, "durationMinutes", 90));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private record Joined(WorkshopClient browser, JsonNode body) {
        String user() {
            return body.path("mailbox").path("username").asString();
        }

        String password() {
            return body.path("mailbox").path("password").asString();
        }

        String address() {
            return body.path("mailbox").path("address").asString();
        }

        String id() {
            return body.path("attendee").path("id").asString();
        }
    }

    private Joined join(String code, String name) throws Exception {
        WorkshopClient browser = WorkshopClient.browser(port);
        WorkshopClient.Reply reply = browser.post("/api/workshops/" + code + "/join", Map.of("name", name));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return new Joined(browser, reply.json());
    }

    private int smtp() {
        return practice.endpoint("smtp", "none").port();
    }

    @Test
    void attendeesJoinWithTheirOwnMailboxMailEachOtherAndTheInstructorSeesItAll() throws Exception {
        JsonNode workshop = create("Protocols 101", 30);
        String code = workshop.path("code").asString();
        assertThat(code).matches("[" + JoinCodes.ALPHABET + "]{6}");
        assertThat(workshop.path("joinUrl").asString()).endsWith("/w/" + code);

        Joined ada = join(code, "Ada");
        Joined ada2 = join(code, "Ada");
        assertThat(ada2.id()).as("the same name twice is two attendees").isNotEqualTo(ada.id());
        assertThat(ada2.user()).isNotEqualTo(ada.user());
        Joined grace = join(code, "Grace Hopper");
        assertThat(ada.body().path("practice").path("smtp").path("port").asInt()).isEqualTo(smtp());
        assertThat(ada.browser().get("/api/me").json().path("mailbox").path("username").asString()).isEqualTo(ada.user());

        try (WsClient a = WsClient.open(port, ada.browser().cookie());
                WsClient g = WsClient.open(port, grace.browser().cookie())) {
            // Ada mails Grace through the practice SMTP server.
            a.greeting("smtp", "localhost", smtp(), "none");
            a.exchange("EHLO parley.local");
            assertThat(a.exchange("MAIL FROM:<" + ada.address() + ">").firstLine()).startsWith("250");
            assertThat(a.exchange("RCPT TO:<" + grace.address() + ">").firstLine()).startsWith("250");
            assertThat(a.exchange("RCPT TO:<nobody-here@localhost>").firstLine()).startsWith("550");
            assertThat(a.exchange("DATA").firstLine()).startsWith("354");
            a.payload("Subject: hello Grace\r\n\r\nFrom Ada, through SMTP.\r\n");
            assertThat(a.answer().firstLine()).startsWith("250");
            a.exchange("QUIT");

            // Grace reads it with POP3, with her own credentials: the lesson's four messages and Ada's.
            g.greeting("pop3", "localhost", practice.endpoint("pop3", "none").port(), "none");
            g.exchange("USER " + grace.user());
            assertThat(g.exchange("PASS " + grace.password()).firstLine()).startsWith("+OK");
            assertThat(g.exchange("STAT").firstLine()).startsWith("+OK 5 ");
            assertThat(String.join("\n", g.exchange("RETR 5").lines())).contains("From Ada, through SMTP.");
            g.exchange("QUIT");

            // ...and with IMAP.
            g.next("closed");
            g.greeting("imap", "localhost", practice.endpoint("imap", "none").port(), "none");
            assertThat(g.exchange("LOGIN " + grace.user() + " " + grace.password()).status()).isEqualTo("ok");
            g.exchange("SELECT INBOX");
            assertThat(g.exchange("SEARCH SUBJECT \"hello Grace\"").firstLine()).isEqualTo("* SEARCH 5");
            g.exchange("LOGOUT");
        }
        activity.flush();
        // A transcript is listed once the recorder's next tick (200 ms) has stored it: a busy build
        // machine read Grace's list before that tick. Write what is queued, as a reader would wait.
        recorder.flush();

        WorkshopClient instructor = WorkshopClient.instructor(port);
        JsonNode roster = instructor.get("/api/workshops/" + code + "/attendees").json();
        assertThat(roster).hasSize(3);
        JsonNode adaRow = row(roster, ada.id());
        assertThat(adaRow.path("name").asString()).isEqualTo("Ada");
        assertThat(adaRow.path("protocol").asString()).isEqualTo("smtp");
        assertThat(adaRow.path("lastLine").asString()).contains("221");
        assertThat(adaRow.path("steps").path("smtp")).extracting(JsonNode::asString)
                .contains("hello", "identify", "ask", "answers", "goodbye");
        JsonNode graceRow = row(roster, grace.id());
        assertThat(graceRow.path("steps").path("pop3")).extracting(JsonNode::asString)
                .contains("hello", "identify", "ask", "answers", "goodbye");
        assertThat(graceRow.path("steps").path("imap")).extracting(JsonNode::asString).contains("identify", "ask");

        // Secrets typed in a session reach no second viewer: not the roster, not the instructor's transcripts.
        assertThat(roster.toString()).doesNotContain(grace.password());
        assertThat(instructor.get("/api/transcripts?size=100").json().path("total").asInt()).isGreaterThanOrEqualTo(3);

        // Attendees see only their own transcripts.
        assertThat(ada.browser().get("/api/transcripts").json().path("total").asInt()).isEqualTo(1);
        String graces = grace.browser().get("/api/transcripts").json().path("items").get(0).path("id").asString();
        assertThat(ada.browser().get("/api/transcripts/" + graces).status()).isEqualTo(404);
        assertThat(instructor.get("/api/transcripts/" + graces + ".txt").body())
                .contains("LOGIN " + grace.user() + " ********").doesNotContain(grace.password());

        // Exports: every attendee's transcripts, and who did which step.
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                instructor.bytes("/api/workshops/" + code + "/export.zip")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).anyMatch(n -> n.startsWith("gracehopper-" + grace.id() + "/") && n.contains("-pop3-"));
        assertThat(instructor.get("/api/workshops/" + code + "/progress.csv").body())
                .contains("\"Ada\",\"" + ada.address() + "\",smtp,answers");
    }

    @Test
    void broadcastsAndSuggestionsReachEveryAttendeeAndTheInstructorFollowsOneLive() throws Exception {
        String code = create("Live", 10).path("code").asString();
        Joined ada = join(code, "Ada");
        Joined bob = join(code, "Bob");
        WorkshopClient instructor = WorkshopClient.instructor(port);
        try (WsClient a = WsClient.open(port, ada.browser().cookie());
                WsClient b = WsClient.open(port, bob.browser().cookie())) {
            a.greeting("smtp", "localhost", smtp(), "none");
            a.exchange("EHLO before.follow");

            WebSocketHttpHeaders auth = new WebSocketHttpHeaders();
            auth.add("Authorization", WorkshopClient.basic());
            try (WsClient follow = WsClient.open(URI.create("ws://localhost:" + port + "/ws/follow?workshop=" + code
                    + "&attendee=" + ada.id()), auth)) {
                follow.next(e -> e.path("text").asString().contains("EHLO before.follow"), "the catch-up");
                a.send("NOOP live");
                follow.next(e -> e.path("text").asString().equals("NOOP live"), "a line Ada sends now");
                long ehlos = follow.events().stream().filter(e -> e.path("text").asString().equals("EHLO before.follow"))
                        .count();
                assertThat(ehlos).as("caught up once, not twice").isEqualTo(1);
            }

            assertThat(instructor.post("/api/workshops/" + code + "/broadcast", Map.of("text", "Try RETR 1 now"))
                    .status()).isEqualTo(202);
            for (WsClient attendee : List.of(a, b)) {
                assertThat(attendee.next("broadcast").path("text").asString()).isEqualTo("Try RETR 1 now");
            }
            instructor.post("/api/workshops/" + code + "/suggest", Map.of("line", "STAT", "protocol", "pop3"));
            for (WsClient attendee : List.of(a, b)) {
                JsonNode suggestion = attendee.next("suggest");
                assertThat(suggestion.path("line").asString()).isEqualTo("STAT");
                assertThat(suggestion.path("protocol").asString()).isEqualTo("pop3");
            }

            // Removing Bob closes his WebSocket and his mailbox; Ada goes on.
            assertThat(instructor.delete("/api/workshops/" + code + "/attendees/" + bob.id()).status()).isEqualTo(204);
            b.next(e -> e.path("text").asString().contains("removed you"), "the removal notice");
            await().atMost(5, TimeUnit.SECONDS).until(() -> !b.isOpen());
            assertThat(a.exchange("RCPT TO:<" + bob.address() + ">").firstLine()).isNotEmpty();
            assertThat(a.exchange("NOOP").firstLine()).startsWith("250");

            // Ending the workshop closes everyone's sessions.
            assertThat(instructor.delete("/api/workshops/" + code).status()).isEqualTo(204);
            a.next(e -> e.path("text").asString().contains("workshop has ended"), "the end notice");
            await().atMost(5, TimeUnit.SECONDS).until(() -> !a.isOpen());
        }
        assertThat(ada.browser().get("/api/transcripts").status()).as("an ended workshop's identity is no more")
                .isEqualTo(401);
        assertThat(WorkshopClient.browser(port).post("/api/workshops/" + code + "/join", Map.of("name", "Late"))
                .status()).isEqualTo(410);
    }

    @Test
    void aFullWorkshopAnUnknownCodeAndNobodyAreToldApart() throws Exception {
        String code = create("Small", 1).path("code").asString();
        join(code, "First");
        WorkshopClient.Reply full = WorkshopClient.browser(port).post("/api/workshops/" + code + "/join",
                Map.of("name", "Second"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body()).contains("full");
        assertThat(WorkshopClient.browser(port).post("/api/workshops/AAAAAA/join", Map.of("name", "x")).status())
                .isEqualTo(404);
        WorkshopClient nobody = WorkshopClient.browser(port);
        assertThat(nobody.get("/api/transcripts").status()).isEqualTo(401);
        assertThat(nobody.post("/api/replay", Map.of("transcript", "S: 220 <x>\n")).status()).isEqualTo(401);
        assertThat(nobody.post("/api/library", Map.of("call", "imap.list")).status()).isEqualTo(401);
        assertThat(nobody.get("/api/workshops").status()).as("only the instructor lists workshops").isEqualTo(401);
        assertThat(nobody.get("/api/me").json().path("role").asString()).isEqualTo("anonymous");
    }

    @Test
    void anAttendeeWhoComesBackIsOnlineAgainWithTheirLastLineStillInTheRoster() throws Exception {
        String code = create("Come back", 5).path("code").asString();
        Joined cy = join(code, "Cy");
        try (WsClient first = WsClient.open(port, cy.browser().cookie())) {
            first.greeting("smtp", "localhost", smtp(), "none");
            first.exchange("EHLO first.visit");
            first.exchange("QUIT");
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> !sockets.online().contains(cy.id()));
        activity.flush();
        activity.flush();
        WorkshopClient instructor = WorkshopClient.instructor(port);
        assertThat(row(instructor.get("/api/workshops/" + code + "/attendees").json(), cy.id()).path("lastLine")
                .asString()).contains("221");

        // The page reopened, nothing typed yet: online, and the row keeps what Cy did last.
        try (WsClient again = WsClient.open(port, cy.browser().cookie())) {
            again.op(Map.of("op", "ping"));
            again.next("pong");
            await().atMost(5, TimeUnit.SECONDS).until(() -> sockets.online().contains(cy.id()));
            activity.flush();
            activity.flush();
            JsonNode row = row(instructor.get("/api/workshops/" + code + "/attendees").json(), cy.id());
            assertThat(row.path("online").asBoolean()).isTrue();
            assertThat(row.path("lastLine").asString()).contains("221");
            assertThat(row.path("protocol").asString()).isEqualTo("smtp");
        }
    }

    @Test
    void anAttendeesEventsCrossTheBusOnlyWhileSomeoneFollowsThem() throws Exception {
        String code = create("Quiet bus", 5).path("code").asString();
        Joined eve = join(code, "Eve");
        List<String> crossed = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (EventBus.Subscription tap = bus.subscribe(WorkshopEvents.attendee(eve.id()), crossed::add);
                WsClient e = WsClient.open(port, eve.browser().cookie())) {
            e.greeting("smtp", "localhost", smtp(), "none");
            e.exchange("EHLO nobody.watches");
            assertThat(crossed).as("nobody follows Eve: her lines stay on her instance").isEmpty();

            WebSocketHttpHeaders auth = new WebSocketHttpHeaders();
            auth.add("Authorization", WorkshopClient.basic());
            try (WsClient follow = WsClient.open(URI.create("ws://localhost:" + port + "/ws/follow?workshop=" + code
                    + "&attendee=" + eve.id()), auth)) {
                follow.next(ev -> ev.path("text").asString().equals("EHLO nobody.watches"), "the catch-up");
                e.exchange("NOOP watched");
                follow.next(ev -> ev.path("text").asString().equals("NOOP watched"), "the live line");
                assertThat(crossed).anyMatch(m -> m.contains("NOOP watched"));
            }
        }
    }

    private static JsonNode row(JsonNode roster, String id) {
        for (JsonNode row : roster) {
            if (row.path("id").asString().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no roster row for " + id + ": " + roster);
    }
}

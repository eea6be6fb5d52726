package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.WsClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A workshop on two instances behind nginx, sharing PostgreSQL (issue #14): an attendee on one
 * instance mails one on the other, the instructor follows across instances, broadcasts reach every
 * attendee wherever their WebSocket is, the capacity holds when joins race on both instances, and
 * when an instance dies its attendees come back through nginx as themselves, with their
 * transcripts. Runs against {@code scripts/cluster.sh start}; skipped when that is not running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static Cluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = Cluster.require();
    }

    private record Attendee(Browser browser, URI home, JsonNode joined) {
        String id() {
            return joined.path("attendee").path("id").asString();
        }

        String user() {
            return joined.path("mailbox").path("username").asString();
        }

        String password() {
            return joined.path("mailbox").path("password").asString();
        }

        String address() {
            return joined.path("mailbox").path("address").asString();
        }

        WsClient session() throws Exception {
            return browser.session(home);
        }
    }

    private static Browser instructor(URI where) throws Exception {
        Browser instructor = new Browser();
        instructor.logIn(where, cluster.password);
        return instructor;
    }

    private static String workshop(Browser instructor, URI where, String title, int capacity) throws Exception {
        Browser.Reply created = instructor.post(where, "/api/workshops",
                Map.of("title", title, "capacity", capacity, "durationMinutes", 60));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("code").asString();
    }

    private static Attendee join(String code, String name, URI where) throws Exception {
        Browser browser = new Browser();
        Browser.Reply reply = browser.post(where, "/api/workshops/" + code + "/join", Map.of("name", name));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return new Attendee(browser, where, reply.json());
    }

    @Test
    @Order(1)
    void attendeesOnTwoInstancesMailEachOtherAndTheInstructorFollowsAndBroadcastsAcross() throws Exception {
        Browser instructor = instructor(cluster.first);
        String code = workshop(instructor, cluster.first, "Two instances", 20);
        Attendee ada = join(code, "Ada", cluster.first);
        // Bob joins on the second instance: his mailbox is made on the first, which runs the practice servers.
        Attendee bob = join(code, "Bob", cluster.second);
        assertThat(bob.browser().get(cluster.first, "/api/me").json().path("attendee").path("id").asString())
                .as("Bob's identity cookie is known to every instance").isEqualTo(bob.id());

        try (WsClient a = ada.session(); WsClient b = bob.session();
                WsClient follow = instructor.socket(cluster.first, "/ws/follow?workshop=" + code + "&attendee=" + bob.id())) {
            a.greeting("smtp", "127.0.0.1", 9025, "none");
            a.exchange("EHLO ada.instance-one");
            assertThat(a.exchange("MAIL FROM:<" + ada.address() + ">").firstLine()).startsWith("250");
            assertThat(a.exchange("RCPT TO:<" + bob.address() + ">").firstLine())
                    .as("Bob's mailbox exists though he joined on the other instance").startsWith("250");
            a.exchange("DATA");
            a.payload("Subject: across\r\n\r\nFrom instance one to instance two.\r\n");
            assertThat(a.answer().firstLine()).startsWith("250");
            a.exchange("QUIT");

            b.greeting("pop3", "127.0.0.1", 9110, "none");
            b.exchange("USER " + bob.user());
            assertThat(b.exchange("PASS " + bob.password()).firstLine()).startsWith("+OK");
            assertThat(String.join("\n", b.exchange("RETR 5").lines())).contains("From instance one to instance two.");

            // The instructor, on instance one, watches Bob's session on instance two, live and masked.
            follow.next(e -> e.path("text").asString().equals("USER " + bob.user()), "Bob's USER line, followed across");
            b.send("STAT");
            follow.next(e -> e.path("text").asString().equals("STAT"), "a line Bob sends now");
            assertThat(follow.events().toString()).doesNotContain(bob.password());

            // A broadcast sent to instance two reaches Ada's WebSocket on instance one, and Bob's.
            Browser.Reply sent = instructor.post(cluster.second, "/api/workshops/" + code + "/broadcast",
                    Map.of("text", "Now try IMAP"));
            assertThat(sent.status()).as("the instructor's session is shared too: " + sent.body()).isEqualTo(202);
            for (WsClient attendee : List.of(a, b)) {
                assertThat(attendee.next("broadcast").path("text").asString()).isEqualTo("Now try IMAP");
            }
            b.exchange("QUIT");
        }

        // The roster, read from either instance, has both attendees' progress.
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode roster = instructor.get(cluster.second, "/api/workshops/" + code + "/attendees").json();
            assertThat(roster).hasSize(2);
            assertThat(row(roster, ada.id()).path("steps").path("smtp")).extracting(JsonNode::asString)
                    .contains("hello", "answers", "goodbye");
            assertThat(row(roster, bob.id()).path("steps").path("pop3")).extracting(JsonNode::asString)
                    .contains("identify", "answers");
        });
    }

    @Test
    @Order(2)
    void theCapacityHoldsWhenJoinsRaceOnBothInstances() throws Exception {
        Browser instructor = instructor(cluster.nginx);
        String code = workshop(instructor, cluster.nginx, "Eight seats", 8);
        List<Callable<Integer>> joins = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            URI where = cluster.instance(1 + i % 2);
            String name = "Racer " + i;
            joins.add(() -> new Browser().post(where, "/api/workshops/" + code + "/join", Map.of("name", name)).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
            for (Future<Integer> status : pool.invokeAll(joins)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(8);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(16);
        assertThat(instructor.get(cluster.first, "/api/workshops/" + code + "/attendees").json()).hasSize(8);
    }

    @Test
    @Order(3)
    void aPersonsCapsHoldForTheClusterNotPerInstance() throws Exception {
        Browser instructor = instructor(cluster.nginx);
        Attendee dee = join(workshop(instructor, cluster.nginx, "Four tabs", 5), "Dee", cluster.nginx);
        List<WsClient> tabs = new ArrayList<>();
        try {
            // Hosted mode lets one person hold 4 WebSockets (parley.limits.websockets-per-client). Through
            // nginx they all reach one instance, so the fifth is refused, as on a single instance.
            for (int i = 0; i < 4; i++) {
                tabs.add(dee.browser().session(cluster.nginx));
            }
            for (WsClient tab : tabs) {
                tab.op(Map.of("op", "ping"));
                tab.next("pong");
            }
            try (WsClient fifth = dee.browser().session(cluster.nginx)) {
                JsonNode refused = fifth.next("error");
                assertThat(refused.path("code").asString()).isEqualTo("LIMIT");
                assertThat(refused.path("message").asString()).contains("websockets-per-client");
            }
        } finally {
            for (WsClient tab : tabs) {
                tab.close();
            }
        }
    }

    @Test
    @Order(4)
    void whenAnInstanceDiesItsAttendeesComeBackThroughNginxAsThemselvesWithTheirTranscripts() throws Exception {
        Browser instructor = instructor(cluster.second);
        String code = workshop(instructor, cluster.second, "Failover", 10);
        Attendee cy = join(code, "Cy", cluster.second);
        try {
            WsClient live = cy.session();
            live.greeting("smtp", "127.0.0.1", 9025, "none");
            live.exchange("EHLO before.the.crash");
            live.exchange("NOOP still here");
            Thread.sleep(500); // the recorder writes every 100 ms tick: these lines are in PostgreSQL by now

            cluster.script("kill", "2");
            await().atMost(10, TimeUnit.SECONDS).until(() -> !live.isOpen());

            // Through nginx (only instance one is left): the same attendee, the same mailbox, the lines so far.
            JsonNode me = cy.browser().get(cluster.nginx, "/api/me").json();
            assertThat(me.path("attendee").path("id").asString()).isEqualTo(cy.id());
            assertThat(me.path("mailbox").path("username").asString()).isEqualTo(cy.user());
            JsonNode items = cy.browser().get(cluster.nginx, "/api/transcripts").json().path("items");
            assertThat(items).hasSize(1);
            String id = items.get(0).path("id").asString();
            assertThat(cy.browser().get(cluster.nginx, "/api/transcripts/" + id + ".txt").body())
                    .contains("C: EHLO before.the.crash", "C: NOOP still here");

            // A new session works at once, and the instructor is still logged in.
            try (WsClient again = cy.browser().session(cluster.nginx)) {
                again.greeting("pop3", "127.0.0.1", 9110, "none");
                again.exchange("USER " + cy.user());
                assertThat(again.exchange("PASS " + cy.password()).firstLine()).startsWith("+OK");
                assertThat(again.exchange("STAT").firstLine()).startsWith("+OK 4 ");
            }
            assertThat(instructor.get(cluster.nginx, "/api/workshops/" + code + "/attendees").status()).isEqualTo(200);
        } finally {
            cluster.script("restart", "2");
        }
        assertThat(Cluster.healthy(cluster.second.toString())).isTrue();
        assertThat(cy.browser().get(cluster.second, "/api/transcripts").json().path("total").asInt()).isEqualTo(2);
    }

    private static JsonNode row(JsonNode roster, String id) {
        for (JsonNode row : roster) {
            if (row.path("id").asString().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no attendee " + id + " in " + roster);
    }
}

package dev.parley.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeServers;
import dev.parley.support.HostedParleyTest;
import dev.parley.support.WsClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * "Reset practice mail" in a workshop: every attendee's page has the button, and before it reset
 * every mailbox on the server — one press wiped the mail all classmates had sent each other, and
 * a visitor without a workshop identity could press it too.
 */
@HostedParleyTest
class AttendeeMailboxResetTest {

    @LocalServerPort
    int port;

    @Autowired
    PracticeServers practice;

    private record Joined(WorkshopClient browser, JsonNode body) {
        String user() {
            return body.path("mailbox").path("username").asString();
        }

        String password() {
            return body.path("mailbox").path("password").asString();
        }
    }

    private Joined join(String code, String name) throws Exception {
        WorkshopClient browser = WorkshopClient.browser(port);
        WorkshopClient.Reply reply = browser.post("/api/workshops/" + code + "/join", Map.of("name", name));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return new Joined(browser, reply.json());
    }

    /** Logs in with POP3, optionally deletes message 1 (and QUITs, so it goes), and says what STAT said first. */
    private String stat(Joined who, boolean deleteOne) throws Exception {
        try (WsClient ws = WsClient.open(port, who.browser().cookie())) {
            ws.greeting("pop3", "localhost", practice.endpoint("pop3", "none").port(), "none");
            ws.exchange("USER " + who.user());
            assertThat(ws.exchange("PASS " + who.password()).firstLine()).startsWith("+OK");
            String stat = ws.exchange("STAT").firstLine();
            if (deleteOne) {
                ws.exchange("DELE 1");
            }
            ws.exchange("QUIT");
            return stat;
        }
    }

    @Test
    void anAttendeesResetPutsBackTheirOwnMailboxAndNoOneElses() throws Exception {
        String code = WorkshopClient.instructor(port).post("/api/workshops", Map.of("title", "Reset", "capacity", 5))
                .json().path("code").asString();
        Joined ada = join(code, "Ada");
        Joined grace = join(code, "Grace");
        assertThat(stat(ada, true)).startsWith("+OK 4 ");
        assertThat(stat(grace, true)).startsWith("+OK 4 ");

        WorkshopClient.Reply reset = ada.browser().post("/api/practice/reset", Map.of());
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().path("message").asString()).contains(ada.user()).contains("4 messages");

        assertThat(stat(ada, false)).as("Ada's mailbox is back as the lesson starts").startsWith("+OK 4 ");
        assertThat(stat(grace, false)).as("Grace's mailbox is as she left it").startsWith("+OK 3 ");
    }

    @Test
    void nobodyWithoutAWorkshopIdentityMayResetThePracticeMail() throws Exception {
        assertThat(WorkshopClient.browser(port).post("/api/practice/reset", Map.of()).status()).isEqualTo(401);
        assertThat(WorkshopClient.instructor(port).post("/api/practice/reset", Map.of()).status())
                .as("the instructor resets every mailbox").isEqualTo(200);
    }

    @Test
    void theListOfWorkshopsSaysWhichHaveEnded() throws Exception {
        WorkshopClient instructor = WorkshopClient.instructor(port);
        String running = instructor.post("/api/workshops", Map.of("title", "Running")).json().path("code").asString();
        String ended = instructor.post("/api/workshops", Map.of("title", "Ended")).json().path("code").asString();
        assertThat(instructor.delete("/api/workshops/" + ended).status()).isEqualTo(204);

        JsonNode list = instructor.get("/api/workshops").json();
        for (JsonNode w : list) {
            if (w.path("code").asString().equals(running)) {
                assertThat(w.path("running").asBoolean()).isTrue();
                assertThat(w.has("endedAt")).isFalse();
            } else if (w.path("code").asString().equals(ended)) {
                assertThat(w.path("running").asBoolean()).isFalse();
                assertThat(w.path("endedAt").asString()).isNotBlank();
            }
        }
        assertThat(instructor.get("/api/workshops/" + ended).json().path("running").asBoolean()).isFalse();
    }
}

package dev.parley.web;

import dev.parley.practice.PracticeServers;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/practice/reset}: puts the practice mailboxes back as the lesson starts (bob's
 * two messages, frobozz's and demo's one each), so a walkthrough that ended with {@code DELE 1}
 * and {@code QUIT} can be done again. The page's "Reset practice mail" button calls it. No body
 * is needed; a JSON body ({@code {}}) is accepted and ignored.
 */
@RestController
class PracticeController {

    /** What the mailboxes hold after the reset. */
    record ResetResult(boolean reset, Instant at, List<PracticeServers.Mailbox> mailboxes, String message) {
    }

    private final ObjectProvider<PracticeServers> practice;

    PracticeController(ObjectProvider<PracticeServers> practice) {
        this.practice = practice;
    }

    @PostMapping("/api/practice/reset")
    ResetResult reset() {
        PracticeServers servers = practice.getIfAvailable();
        List<PracticeServers.Mailbox> boxes = servers == null ? List.of() : servers.reset();
        if (boxes.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "The practice servers are switched off here (parley.practice.enabled=false): there is no practice "
                            + "mail to reset.");
            problem.setTitle("No practice servers");
            problem.setType(URI.create("https://parley.dev/problems/no-practice-servers"));
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        StringBuilder said = new StringBuilder("The practice mail is back as the lesson starts:");
        for (int i = 0; i < boxes.size(); i++) {
            PracticeServers.Mailbox box = boxes.get(i);
            said.append(i == 0 ? " " : i == boxes.size() - 1 ? " and " : ", ").append(box.user()).append(" has ")
                    .append(box.messages()).append(box.messages() == 1 ? " message" : " messages");
        }
        return new ResetResult(true, Instant.now(), boxes, said.append('.').toString());
    }
}

package dev.parley.web;

import dev.parley.practice.PracticeServers;
import dev.parley.security.Identity;
import dev.parley.security.ModeProperties;
import dev.parley.workshop.Workshops;
import jakarta.servlet.http.HttpServletRequest;
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
 *
 * <p>In a hosted workshop an attendee's reset puts back their own mailbox only: the others hold
 * their classmates' mail, which one attendee's button must not wipe. The instructor's resets
 * every mailbox; nobody else may reset anything (the identity filter answers 401).
 */
@RestController
class PracticeController {

    /** What the mailboxes hold after the reset. */
    record ResetResult(boolean reset, Instant at, List<PracticeServers.Mailbox> mailboxes, String message) {
    }

    private final ObjectProvider<PracticeServers> practice;
    private final ModeProperties mode;
    private final Workshops workshops;

    PracticeController(ObjectProvider<PracticeServers> practice, ModeProperties mode, Workshops workshops) {
        this.practice = practice;
        this.mode = mode;
        this.workshops = workshops;
    }

    @PostMapping("/api/practice/reset")
    ResetResult reset(HttpServletRequest request) {
        Identity identity = Identity.of(request);
        if (mode.hosted() && identity.role() == Identity.Role.ATTENDEE) {
            return own(identity);
        }
        PracticeServers servers = practice.getIfAvailable();
        List<PracticeServers.Mailbox> boxes = servers == null ? List.of() : servers.reset();
        if (boxes.isEmpty()) {
            throw noPracticeServers();
        }
        StringBuilder said = new StringBuilder("The practice mail is back as the lesson starts:");
        for (int i = 0; i < boxes.size(); i++) {
            PracticeServers.Mailbox box = boxes.get(i);
            said.append(i == 0 ? " " : i == boxes.size() - 1 ? " and " : ", ").append(box.user()).append(" has ")
                    .append(box.messages()).append(box.messages() == 1 ? " message" : " messages");
        }
        return new ResetResult(true, Instant.now(), boxes, said.append('.').toString());
    }

    private ResetResult own(Identity identity) {
        String login = workshops.resetMailbox(identity.id()).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "You are no longer in this workshop, so you have no practice mailbox to reset."), null));
        int messages = PracticeServers.attendeeSeedMessages();
        return new ResetResult(true, Instant.now(), List.of(new PracticeServers.Mailbox(login, login + "@localhost",
                messages)), "Your practice mailbox (" + login + ") is back as the lesson starts: " + messages
                        + " messages. Your classmates' mailboxes are as they were.");
    }

    private static ErrorResponseException noPracticeServers() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The practice servers are switched off here (parley.practice.enabled=false): there is no practice "
                        + "mail to reset.");
        problem.setTitle("No practice servers");
        problem.setType(URI.create("https://parley.dev/problems/no-practice-servers"));
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}

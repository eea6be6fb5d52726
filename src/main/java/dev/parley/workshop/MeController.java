package dev.parley.workshop;

import dev.parley.security.Identity;
import dev.parley.security.ModeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me} (CONTRACTS.md §7): who the page belongs to, so that a refresh resumes the
 * same attendee with their own mailbox filled in.
 */
@RestController
class MeController {

    private final WorkshopStore store;
    private final PracticeInfo practice;
    private final ModeProperties mode;

    MeController(WorkshopStore store, PracticeInfo practice, ModeProperties mode) {
        this.store = store;
        this.practice = practice;
        this.mode = mode;
    }

    @GetMapping("/api/me")
    Map<String, Object> me(HttpServletRequest request) {
        Identity identity = Identity.of(request);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("role", switch (identity.role()) {
            case ANONYMOUS -> "anonymous";
            case LEARNER -> "learner";
            case ATTENDEE -> "attendee";
            case INSTRUCTOR -> "instructor";
        });
        me.put("mode", mode.mode().name().toLowerCase(Locale.ROOT));
        if (identity.role() == Identity.Role.ATTENDEE) {
            store.attendee(identity.id()).ifPresent(a -> {
                me.put("attendee", Map.of("id", a.id(), "name", a.name()));
                me.put("mailbox", Map.of("address", a.address(), "username", a.mailboxUser(), "password",
                        a.mailboxPassword()));
                store.find(a.workshop()).ifPresent(w -> me.put("workshop", Map.of("code", w.code(), "title", w.title(),
                        "expiresAt", w.expiresAt().toString(), "protocols", w.protocols())));
                me.put("practice", practice.endpoints());
            });
        }
        return me;
    }
}

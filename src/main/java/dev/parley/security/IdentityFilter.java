package dev.parley.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who each request comes from ({@link Identity}), kept in a request attribute for the doors: the
 * instructor (logged in through Spring Security, which runs before this filter), a workshop
 * attendee (hosted mode: the identity cookie names one), or a learner on a laptop (every browser
 * gets an identity cookie of its own, minted here on its first request). In hosted mode, nobody
 * else may use a door that talks to servers or reads transcripts: those answer 401
 * (CONTRACTS.md §7). A share link {@code /t/{id}} stays readable by whoever holds it.
 */
@Component
class IdentityFilter extends OncePerRequestFilter implements Ordered {

    /** The doors that talk to servers, read transcripts or change the practice mail. */
    static final List<String> DOORS = List.of("/ws/session", "/api/replay", "/api/library", "/api/transcripts",
            "/api/practice");

    private final ModeProperties mode;
    private final ObjectProvider<AttendeeTokens> attendees;

    IdentityFilter(ModeProperties mode, ObjectProvider<AttendeeTokens> attendees) {
        this.mode = mode;
        this.attendees = attendees;
    }

    /** After Spring Security's filters (order -100), so a logged-in instructor is known. */
    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Identity identity = resolve(request, response);
        request.setAttribute(Identity.ATTRIBUTE, identity);
        if (mode.hosted() && !identity.known() && door(request)) {
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "This Parley is for a workshop's attendees: open the join link your instructor gave you"
                            + " (/w/CODE), or log in as the instructor.");
            return;
        }
        chain.doFilter(request, response);
    }

    private Identity resolve(HttpServletRequest request, HttpServletResponse response) {
        if (request.getUserPrincipal() != null && request.isUserInRole("INSTRUCTOR")) {
            return Identity.INSTRUCTOR;
        }
        Optional<String> token = IdentityCookie.token(request);
        return switch (mode.mode()) {
            case LAPTOP -> {
                String value = token.orElseGet(() -> {
                    String minted = IdentityCookie.newToken();
                    IdentityCookie.set(request, response, minted);
                    return minted;
                });
                yield Identity.learner("l-" + IdentityCookie.hash(value));
            }
            case HOSTED -> {
                AttendeeTokens lookup = attendees.getIfAvailable();
                yield token.isEmpty() || lookup == null ? Identity.ANONYMOUS
                        : lookup.attendee(IdentityCookie.hash(token.get())).orElse(Identity.ANONYMOUS);
            }
        };
    }

    private static boolean door(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return DOORS.stream().anyMatch(door -> path.equals(door) || path.startsWith(door + "/")
                || path.startsWith(door + "."));
    }
}

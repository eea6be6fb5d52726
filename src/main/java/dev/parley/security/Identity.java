package dev.parley.security;

/**
 * Who is asking (CONTRACTS.md §7, {@code GET /api/me}): a learner on a laptop (an identity minted
 * for the browser), a workshop attendee, the instructor, or nobody known. {@code id} is what
 * transcripts are owned by; it is never the secret cookie value itself.
 *
 * @param id       the owner id ({@code l-…} a laptop learner, {@code a-…} an attendee,
 *                 {@code instructor}); null when anonymous
 * @param workshop the attendee's workshop code; null otherwise
 * @param name     the attendee's display name; null otherwise
 */
public record Identity(Role role, String id, String workshop, String name) {

    public enum Role {
        ANONYMOUS, LEARNER, ATTENDEE, INSTRUCTOR
    }

    /** The request attribute (and WebSocket attribute) the identity of a request is kept under. */
    public static final String ATTRIBUTE = "parley.identity";

    public static final Identity ANONYMOUS = new Identity(Role.ANONYMOUS, null, null, null);
    public static final Identity INSTRUCTOR = new Identity(Role.INSTRUCTOR, "instructor", null, null);

    public static Identity learner(String id) {
        return new Identity(Role.LEARNER, id, null, null);
    }

    public static Identity attendee(String id, String workshop, String name) {
        return new Identity(Role.ATTENDEE, id, workshop, name);
    }

    /** The identity {@link IdentityFilter} gave a request (anonymous when it never ran). */
    public static Identity of(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Identity identity ? identity : ANONYMOUS;
    }

    public boolean known() {
        return role != Role.ANONYMOUS;
    }

    /** The key per-client caps count by: the identity, else the address it comes from. */
    public String client(String remoteAddress) {
        return id != null ? id : "ip:" + remoteAddress;
    }
}

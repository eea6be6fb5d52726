package dev.parley.session;

import dev.parley.security.ExtraTargets;

/**
 * Whose session this is: {@code id} owns its transcripts (null for nobody: a command-line replay);
 * {@code client} is the key the per-client caps count by (the identity, else the address);
 * {@code targets} are opened for this owner only (a workshop's own targets, for its attendees).
 */
public record SessionOwner(String id, String client, ExtraTargets targets) {

    public static final SessionOwner NOBODY = new SessionOwner(null, "nobody");

    public SessionOwner(String id, String client) {
        this(id, client, ExtraTargets.NONE);
    }
}

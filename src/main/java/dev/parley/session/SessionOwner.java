package dev.parley.session;

/**
 * Whose session this is: {@code id} owns its transcripts (null for nobody: a command-line replay);
 * {@code client} is the key the per-client caps count by (the identity, else the address).
 */
public record SessionOwner(String id, String client) {

    public static final SessionOwner NOBODY = new SessionOwner(null, "nobody");
}

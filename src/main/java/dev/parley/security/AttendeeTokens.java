package dev.parley.security;

import java.util.Optional;

/**
 * Who holds an identity cookie in hosted mode: the workshop attendees (the workshop feature
 * answers). On a laptop every browser gets an identity of its own and nothing is looked up.
 */
public interface AttendeeTokens {

    /** The attendee whose cookie hashes to {@code tokenHash}, if that attendee is still in a running workshop. */
    Optional<Identity> attendee(String tokenHash);
}

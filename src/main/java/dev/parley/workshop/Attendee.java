package dev.parley.workshop;

import java.time.Instant;

/**
 * One person in a workshop, with the practice mailbox made for them, and what the roster shows
 * of them (written by the instance that holds their WebSocket; null until they do something).
 */
public record Attendee(String id, String workshop, String name, String mailboxUser, String mailboxPassword,
        Instant joinedAt, Instant onlineUntil, String protocol, String target, String lastLine, Instant lastAt,
        String lastError) {

    public String address() {
        return mailboxUser + "@localhost";
    }

    public boolean online(Instant now) {
        return onlineUntil != null && now.isBefore(onlineUntil);
    }
}

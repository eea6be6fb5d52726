package dev.parley.workshop;

import java.time.Instant;
import java.util.List;

/**
 * A workshop: what attendees join with a code, for a while.
 *
 * @param protocols the protocols its attendees practise (their walkthroughs and progress columns)
 * @param targets   the targets attendees may reach beyond the practice servers ({@code parley.targets.allow} syntax)
 */
public record Workshop(String code, String title, int capacity, List<String> protocols, List<String> targets,
        Instant createdAt, Instant expiresAt, Instant endedAt) {

    public boolean running(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}

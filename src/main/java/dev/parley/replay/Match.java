package dev.parley.replay;

import java.util.Locale;
import java.util.Optional;

/** How a replay judges the server's answers (CONTRACTS.md §3). */
public enum Match {
    /** Only the protocol's outcome: SMTP reply code, POP3 +OK/-ERR, IMAP tagged status, HTTP status. */
    CODES,
    /** Whole lines, placeholders aside. */
    EXACT;

    public static Optional<Match> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(id.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package dev.parley.transcript;

import java.util.Locale;

/** What one entry of a transcript is: traffic, or something the learner was told about it. */
public enum LineKind {
    /** One line of traffic, {@code C:} or {@code S:}. */
    LINE,
    /** An IMAP literal read by count; its text may span several lines. */
    LITERAL,
    /** A body not shown (binary or too long): its description instead. */
    BODY,
    /** A note from Parley ("Discarded 14 octets ...") or a comment of the transcript's author. */
    NOTE,
    /** A TLS handshake finished: lines after it are encrypted on the wire. */
    TLS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

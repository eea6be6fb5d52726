package dev.parley.protocol;

/**
 * What a dialect makes of the bytes a server sent. Dialects are pure: they never see sockets or
 * clocks; the session stamps each event with its sequence number and time.
 */
public sealed interface DialectEvent {

    /**
     * One line read from the server, without its terminator.
     *
     * @param redacted the same line with its secrets masked ({@code Set-Cookie: ********}), or
     *                 null when it carries none; what is stored or shown to anyone but the learner
     */
    record ServerLine(String text, Terminator terminator, Annotation annotation, String redacted)
            implements DialectEvent {

        public ServerLine(String text, Terminator terminator, Annotation annotation) {
            this(text, terminator, annotation, null);
        }
    }

    /**
     * An IMAP literal ({@code {n}} octets read by count, CRLFs inside included) or an HTTP body
     * that is shown whole rather than line by line.
     *
     * @param octets    how many octets the server sent (the announced count)
     * @param text      the octets decoded as UTF-8, cut to the per-answer display limit
     * @param truncated true when {@code text} shows less than {@code octets}
     */
    record Literal(long octets, String text, boolean truncated) implements DialectEvent {
    }

    /**
     * A body the learner should not see dumped (binary, or past the display limit): its type and
     * size instead. {@code description} is a sentence such as "image/png body, 5,120 octets, not shown".
     */
    record BodySummary(String contentType, long octets, String description) implements DialectEvent {
    }

    /**
     * The server's answer to a command (or the greeting) is complete.
     *
     * @param tag for IMAP, the tag of the command it completes: tagged commands may finish out of
     *            order (RFC 9051 §5.5); null where answers come in order (the oldest command)
     */
    record Complete(Status status, String tag) implements DialectEvent {

        public Complete(Status status) {
            this(status, null);
        }
    }

    /**
     * The server said go ahead to STARTTLS/STLS: the session must now run the TLS handshake on
     * the same socket. The dialect has already discarded whatever the server sent after the
     * go-ahead ({@code discardedOctets}): plaintext pipelined before TLS must not be trusted.
     */
    record TlsGoAhead(int discardedOctets) implements DialectEvent {
    }

    /**
     * Lines the user typed while the dialect held client input (waiting for an IMAP {@code +}
     * continuation, a STARTTLS or DATA answer) must be dropped, not sent; {@code reason} says why,
     * true whether or not anything was typed ahead. {@code held} names the dropped lines for the
     * sentence the session adds when there were some ({@link #dropped(int)}).
     */
    record DropHeldInput(String reason, String held) implements DialectEvent {

        public DropHeldInput(String reason) {
            this(reason, "typed after it");
        }

        /** The sentence for {@code count} (at least one) dropped lines. */
        public String dropped(int count) {
            return (count == 1 ? "The line " : "The " + count + " lines ") + held + (count == 1 ? " was" : " were")
                    + " not sent.";
        }
    }

    /** Something for the learner that is not server traffic, e.g. "3,000 more octets not shown". */
    record Notice(String text) implements DialectEvent {
    }

    /** The server crossed a framing limit (line length, answer size); the session must end. */
    record LimitExceeded(String message) implements DialectEvent {
    }
}

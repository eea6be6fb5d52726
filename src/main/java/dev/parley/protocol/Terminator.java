package dev.parley.protocol;

/**
 * The end-of-line bytes a line really had on the wire. Line protocols require CRLF; a bare LF is
 * recorded (and flagged to the learner) rather than silently normalised, because lenient handling
 * of bare LF is what SMTP smuggling exploits.
 */
public enum Terminator {
    /** CR LF, as every protocol here requires. */
    CRLF,
    /** A bare LF with no CR before it: accepted, but flagged. */
    LF,
    /** No terminator: the connection ended (or a literal/body ended) mid-line. */
    NONE;

    public boolean flagged() {
        return this != CRLF;
    }
}

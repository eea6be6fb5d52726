package dev.parley.protocol.smtp;

/**
 * What the reply being read answers: the oldest outstanding command (or the greeting). The dialect
 * keeps these in a FIFO because with PIPELINING (RFC 2920 §3.1) several commands may be written
 * before their replies arrive, and each reply answers the oldest.
 */
enum SmtpAnswering {
    GREETING(false),
    EHLO(false),
    HELO(false),
    /** DATA: nothing typed after it may be sent before its 354, which turns typed lines into payload. */
    DATA(true),
    /** The lone {@code .} that ends a message (RFC 5321 §4.1.1.4). */
    MESSAGE_END(false),
    /** AUTH: its reply decides whether the next typed line is a base64 response or a command. */
    AUTH(true),
    AUTH_RESPONSE(true),
    /** STARTTLS: nothing typed after it may go out in plaintext (RFC 3207 §4.2). */
    STARTTLS(true),
    QUIT(false),
    OTHER(false),
    /** No command is waiting: the server spoke on its own (e.g. a 421 before closing). */
    NONE(false);

    private final boolean holdsInput;

    SmtpAnswering(boolean holdsInput) {
        this.holdsInput = holdsInput;
    }

    /** True when lines typed after this command must wait for its reply. */
    boolean holdsInput() {
        return holdsInput;
    }
}

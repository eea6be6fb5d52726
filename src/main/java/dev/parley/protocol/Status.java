package dev.parley.protocol;

import java.util.Locale;

/** How the server's complete answer to a command turned out. */
public enum Status {
    /** Success: SMTP 2xx, POP3 {@code +OK}, IMAP tagged {@code OK}, HTTP 2xx/3xx. */
    OK,
    /** Refusal or failure: SMTP 4xx/5xx, POP3 {@code -ERR}, IMAP {@code NO}/{@code BAD}, HTTP 4xx/5xx. */
    ERROR,
    /** The server waits for more from the client: SMTP 354/334, IMAP {@code +}, POP3 {@code +} (SASL). */
    CONTINUE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

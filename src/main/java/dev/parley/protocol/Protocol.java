package dev.parley.protocol;

import java.util.Locale;
import java.util.Optional;

/** The line protocols Parley can speak, with the ports their services conventionally use. */
public enum Protocol {
    SMTP(25, 465),
    POP3(110, 995),
    IMAP(143, 993),
    HTTP(80, 443),
    RAW(0, 0);

    private final int defaultPort;
    private final int defaultTlsPort;

    Protocol(int defaultPort, int defaultTlsPort) {
        this.defaultPort = defaultPort;
        this.defaultTlsPort = defaultTlsPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public int defaultTlsPort() {
        return defaultTlsPort;
    }

    /**
     * Whether the server speaks first: SMTP, POP3 and IMAP greet on connect (RFC 5321 §3.1,
     * RFC 1939 §4, RFC 9051 §7.1); HTTP waits for a request, and an unknown protocol may do either.
     */
    public boolean greetsFirst() {
        return this == SMTP || this == POP3 || this == IMAP;
    }

    /** The lower-case name used on the wire of the WebSocket contract (`smtp`, `pop3`, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Protocol> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Protocol p : values()) {
            if (p.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

package dev.parley.protocol;

import dev.parley.protocol.http.HttpDialect;
import dev.parley.protocol.imap.ImapDialect;
import dev.parley.protocol.pop3.Pop3Dialect;
import dev.parley.protocol.raw.RawDialect;
import dev.parley.protocol.smtp.SmtpDialect;

/** Creates the dialect for a protocol; one fresh instance per connection. */
public final class Dialects {

    private Dialects() {
    }

    public static Dialect create(Protocol protocol, FramingLimits limits) {
        return switch (protocol) {
            case SMTP -> new SmtpDialect(limits);
            case POP3 -> new Pop3Dialect(limits);
            case IMAP -> new ImapDialect(limits);
            case HTTP -> new HttpDialect(limits);
            case RAW -> new RawDialect(limits);
        };
    }
}

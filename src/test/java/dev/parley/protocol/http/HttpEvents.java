package dev.parley.protocol.http;

import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import java.util.List;
import java.util.function.Supplier;

/** Test helpers: dialects that already sent requests, and events written compactly for assertions. */
final class HttpEvents {

    private HttpEvents() {
    }

    /** A fresh dialect each time, after the given lines were typed. */
    static Supplier<Dialect> after(FramingLimits limits, String... typed) {
        return () -> {
            HttpDialect dialect = new HttpDialect(limits);
            for (String line : typed) {
                dialect.write(line, false);
            }
            return dialect;
        };
    }

    static Supplier<Dialect> afterGet() {
        return after(FramingLimits.DEFAULT, "GET / HTTP/1.1", "Host: example.com", "");
    }

    /**
     * Each event as one short string: {@code reply 200 "HTTP/1.1 200 OK" CRLF}, {@code data "x" LF},
     * {@code malformed "zz" CRLF}, {@code complete OK}, {@code notice ...}, {@code summary ...}, {@code limit ...}.
     */
    static List<String> describe(List<DialectEvent> events) {
        return events.stream().map(HttpEvents::describe).toList();
    }

    static String describe(DialectEvent event) {
        return switch (event) {
            case DialectEvent.ServerLine line -> line.annotation().kind()
                    + (line.annotation().code() == null ? "" : " " + line.annotation().code())
                    + " \"" + line.text() + "\" " + line.terminator();
            case DialectEvent.Complete complete -> "complete " + complete.status();
            case DialectEvent.Notice notice -> "notice " + notice.text();
            case DialectEvent.BodySummary summary -> "summary " + summary.contentType() + " " + summary.octets()
                    + ": " + summary.description();
            case DialectEvent.LimitExceeded limit -> "limit " + limit.message();
            case DialectEvent.Literal literal -> "literal " + literal.octets();
            case DialectEvent.TlsGoAhead goAhead -> "tls " + goAhead.discardedOctets();
            case DialectEvent.DropHeldInput drop -> "drop " + drop.reason();
        };
    }
}

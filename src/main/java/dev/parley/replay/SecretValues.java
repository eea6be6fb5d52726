package dev.parley.replay;

import dev.parley.protocol.Secrets;
import dev.parley.session.SessionEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The values of one replay's secret variables (given as secrets, filling a masked spot, or
 * captured from a masked part of a server line), masked as {@code ********} in everything the
 * replay keeps or shows: the session's events before the transcript recorder or the replay sees
 * them, expected lines, reasons and reports. The dialects already mask a password where the
 * protocol carries one; this masks a secret wherever it appears, by value, as the library mode
 * does with the password it knows.
 *
 * <p>Read by the target's reader thread (events) while the replay thread may add a captured
 * secret: the list is replaced, never changed in place.
 */
final class SecretValues implements UnaryOperator<SessionEvent> {

    private volatile List<String> values = List.of();

    SecretValues(Iterable<String> initial) {
        initial.forEach(this::add);
    }

    synchronized void add(String value) {
        if (value == null || value.isEmpty() || value.equals(Secrets.MASK) || values.contains(value)) {
            return;
        }
        List<String> more = new ArrayList<>(values);
        more.add(value);
        // The longest first, so that a secret containing another is masked whole.
        more.sort(Comparator.comparingInt(String::length).reversed());
        values = List.copyOf(more);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The text with every secret value masked; the same instance when none occurs. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String value : values) {
            if (out.contains(value)) {
                out = out.replace(value, Secrets.MASK);
            }
        }
        return out;
    }

    List<String> mask(List<String> lines) {
        return lines.stream().map(this::mask).toList();
    }

    /**
     * The event as anyone but the wire may see it. A line keeps its clear {@code text} (the replay
     * reads captures from it, and it goes nowhere else) and gets {@code redacted} when a secret
     * shows in it; every other text an event carries is masked in place.
     */
    @Override
    public SessionEvent apply(SessionEvent event) {
        if (values.isEmpty()) {
            return event;
        }
        return switch (event) {
            case SessionEvent.Line l -> {
                String shown = l.redacted() != null ? l.redacted() : l.text();
                String masked = mask(shown);
                yield masked == shown ? l : new SessionEvent.Line(l.dir(), l.text(), l.seq(), l.at(), l.terminator(),
                        l.secure(), l.annotation(), masked);
            }
            case SessionEvent.Literal l -> new SessionEvent.Literal(l.dir(), l.octets(), mask(l.text()), l.truncated(),
                    l.seq(), l.at(), l.secure());
            case SessionEvent.Body b -> new SessionEvent.Body(b.contentType(), b.octets(), mask(b.description()), b.seq(),
                    b.at());
            case SessionEvent.Notice n -> new SessionEvent.Notice(mask(n.text()), n.at());
            case SessionEvent.Error e -> new SessionEvent.Error(e.code(), mask(e.message()));
            case SessionEvent.Closed c -> new SessionEvent.Closed(c.by(), mask(c.reason()));
            case SessionEvent.Connected c -> c;
            case SessionEvent.Tls t -> t;
            case SessionEvent.Complete c -> c;
            case SessionEvent.Pong p -> p;
        };
    }
}

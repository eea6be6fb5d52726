package dev.parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The masking live sessions get, applied to traffic that did not come through a live session: a
 * library call's wire trace, an imported transcript. The lines are played through a fresh dialect
 * of their protocol, which knows which lines carry secrets (a {@code PASS}, the password of a
 * {@code LOGIN}, the lines answering a {@code 334} or {@code +}, HTTP credentials) exactly as it
 * does at capture in a live session. One set of rules, in the dialects.
 */
public final class TrafficMasking {

    /** One line of traffic: written by the client, or read from the server. */
    public record Line(boolean client, String text) {
    }

    private TrafficMasking() {
    }

    /** For each line, its redacted text where the dialect found a secret, else the line itself. */
    public static List<String> apply(Protocol protocol, List<Line> traffic) {
        Dialect dialect = Dialects.create(protocol, FramingLimits.DEFAULT);
        List<String> out = new ArrayList<>(traffic.size());
        for (Line line : traffic) {
            out.add(line.client() ? client(dialect, line.text()) : server(dialect, line.text()));
        }
        return out;
    }

    /**
     * Written as a learner would type it, so the dialect follows the exchange (a literal, an AUTH
     * answer) as it does live; tags already on the line are kept by the dialect's tagging rule, and
     * only the {@code redacted} form is used, never the re-encoded line.
     */
    private static String client(Dialect dialect, String text) {
        try {
            if (dialect.write(text, false) instanceof ClientWrite.Send send && !send.lines().isEmpty()
                    && send.lines().getFirst().redacted() != null) {
                return send.lines().getFirst().redacted();
            }
        } catch (RuntimeException unexpected) {
            // Traffic the dialect cannot follow (cut literals, say): the line stays as it is.
        }
        return text;
    }

    private static String server(Dialect dialect, String text) {
        byte[] bytes = (text + "\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            for (DialectEvent event : dialect.read(bytes, 0, bytes.length)) {
                if (event instanceof DialectEvent.ServerLine line && line.text().equals(text) && line.redacted() != null) {
                    return line.redacted();
                }
            }
        } catch (RuntimeException unexpected) {
            // As above: fall back to the line as it is.
        }
        return text;
    }
}

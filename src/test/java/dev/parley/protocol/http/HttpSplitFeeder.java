package dev.parley.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Feeds a server script to fresh dialects whole, in two pieces split at every position, and byte
 * by byte, and checks that every way gives the same events: bytes from a socket arrive split
 * anywhere. (A private copy for this package; a shared one may live in {@code dev.parley.protocol}.)
 *
 * <p>One allowed difference: the octet count in a {@link DialectEvent.LimitExceeded} message.
 * {@code LineBuffer} honestly reports "a line of N octets or more", and N is what had arrived
 * when the limit was seen, which depends on the split.
 */
final class HttpSplitFeeder {

    private HttpSplitFeeder() {
    }

    /** The events of the whole script fed at once, after checking every split gives the same. */
    static List<DialectEvent> feedEverySplit(Supplier<Dialect> fresh, String script, boolean close) {
        return feedEverySplit(fresh, script.getBytes(StandardCharsets.UTF_8), close);
    }

    static List<DialectEvent> feedEverySplit(Supplier<Dialect> fresh, byte[] script, boolean close) {
        List<DialectEvent> whole = feed(fresh.get(), script, close, script.length, false);
        List<DialectEvent> expected = comparable(whole);
        for (int at = 1; at < script.length; at++) {
            assertThat(comparable(feed(fresh.get(), script, close, at, false))).as("split at octet %d", at)
                    .isEqualTo(expected);
        }
        assertThat(comparable(feed(fresh.get(), script, close, 1, true))).as("byte by byte").isEqualTo(expected);
        return whole;
    }

    private static List<DialectEvent> comparable(List<DialectEvent> events) {
        return events.stream()
                .map(e -> e instanceof DialectEvent.LimitExceeded limit
                        ? new DialectEvent.LimitExceeded(limit.message().replaceFirst("line of [\\d,]+ octets",
                                "line of N octets"))
                        : e)
                .toList();
    }

    /** Feeds {@code script} byte by byte, or in two pieces: the first {@code firstPiece} octets, then the rest. */
    private static List<DialectEvent> feed(Dialect dialect, byte[] script, boolean close, int firstPiece,
            boolean byteByByte) {
        List<DialectEvent> events = new ArrayList<>();
        if (byteByByte) {
            for (int i = 0; i < script.length; i++) {
                events.addAll(dialect.read(script, i, 1));
            }
        } else {
            events.addAll(dialect.read(script, 0, firstPiece));
            if (firstPiece < script.length) {
                events.addAll(dialect.read(script, firstPiece, script.length - firstPiece));
            }
        }
        if (close) {
            events.addAll(dialect.endOfInput());
        }
        return events;
    }
}

package dev.parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Feeds a script (server bytes interleaved with client writes) to fresh dialects in every way the
 * network could cut it: whole, split in two at every byte position of the server's bytes, and byte
 * by byte. Tests assert that all the event lists are equal: a dialect must not care where reads end.
 * Client steps run between server steps exactly as written, whatever the split.
 */
public final class SplitFeeder {

    /** One step of a script. */
    public sealed interface Step {
    }

    /** Bytes the server sends. */
    public record Server(byte[] bytes) implements Step {
    }

    /** A line the user types ({@link Dialect#write}). */
    public record Client(String line, boolean raw) implements Step {
    }

    /** A whole body ({@link Dialect#payload}). */
    public record Payload(String text) implements Step {
    }

    /** The server closes the connection ({@link Dialect#endOfInput}). */
    public record End() implements Step {
    }

    private SplitFeeder() {
    }

    /** Server text, sent as UTF-8 exactly as written (write the CRLFs yourself). */
    public static Step server(String text) {
        return new Server(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Step client(String line) {
        return new Client(line, false);
    }

    public static Step payload(String text) {
        return new Payload(text);
    }

    public static Step end() {
        return new End();
    }

    /** The events of the script fed whole, each server step in one read. */
    public static List<DialectEvent> feedWhole(Supplier<? extends Dialect> fresh, List<Step> script) {
        return feed(fresh.get(), script, -1, false);
    }

    /**
     * The event lists of every way of feeding: index 0 whole, then one per split position of the
     * concatenated server bytes (1 … n-1), then byte by byte.
     */
    public static List<List<DialectEvent>> feedAllWays(Supplier<? extends Dialect> fresh, List<Step> script) {
        int total = script.stream().filter(s -> s instanceof Server).mapToInt(s -> ((Server) s).bytes().length).sum();
        List<List<DialectEvent>> all = new ArrayList<>();
        all.add(feed(fresh.get(), script, -1, false));
        for (int cut = 1; cut < total; cut++) {
            all.add(feed(fresh.get(), script, cut, false));
        }
        all.add(feed(fresh.get(), script, -1, true));
        return all;
    }

    /**
     * Feeds the script in every way ({@link #feedAllWays}) and returns the events of the whole
     * feed, after checking that every other way produced the same; the AssertionError names the
     * first way that differed.
     */
    public static List<DialectEvent> feedConsistently(Supplier<? extends Dialect> fresh, List<Step> script) {
        List<List<DialectEvent>> all = feedAllWays(fresh, script);
        List<DialectEvent> whole = all.get(0);
        for (int i = 1; i < all.size(); i++) {
            if (!all.get(i).equals(whole)) {
                String way = i == all.size() - 1 ? "byte by byte" : "split at server byte " + i;
                throw new AssertionError("Fed " + way + ", the events differ from the whole feed.\nwhole: "
                        + summary(whole) + "\n" + way + ": " + summary(all.get(i)));
            }
        }
        return whole;
    }

    /** One short line per event, so tests can compare whole exchanges at a glance. */
    public static List<String> summary(List<DialectEvent> events) {
        return events.stream().map(SplitFeeder::summary).toList();
    }

    public static String summary(DialectEvent event) {
        return switch (event) {
            case DialectEvent.ServerLine(String text, Terminator terminator, Annotation a, String redacted) -> "S: " + text
                    + (terminator == Terminator.CRLF ? "" : " <" + terminator + ">")
                    + " | " + a.kind() + (a.code() == null ? "" : " " + a.code())
                    + (a.last() == null ? "" : a.last() ? " last" : " more")
                    + (redacted == null ? "" : " | redacted: " + redacted);
            case DialectEvent.Complete(Status status, String tag) -> "complete " + status.id();
            case DialectEvent.TlsGoAhead(int discarded) -> "tls-go-ahead " + discarded;
            case DialectEvent.DropHeldInput d -> "drop-held-input";
            case DialectEvent.Notice(String text) -> "notice: " + text;
            case DialectEvent.LimitExceeded(String message) -> "limit: " + message;
            default -> event.toString();
        };
    }

    private static List<DialectEvent> feed(Dialect dialect, List<Step> script, int cut, boolean byteByByte) {
        List<DialectEvent> events = new ArrayList<>();
        int position = 0;
        for (Step step : script) {
            switch (step) {
                case Server(byte[] bytes) -> {
                    if (byteByByte) {
                        for (int i = 0; i < bytes.length; i++) {
                            events.addAll(dialect.read(bytes, i, 1));
                        }
                    } else if (cut > position && cut < position + bytes.length) {
                        int first = cut - position;
                        events.addAll(dialect.read(Arrays.copyOfRange(bytes, 0, first), 0, first));
                        events.addAll(dialect.read(bytes, first, bytes.length - first));
                    } else {
                        events.addAll(dialect.read(bytes, 0, bytes.length));
                    }
                    position += bytes.length;
                }
                case Client(String line, boolean raw) -> dialect.write(line, raw);
                case Payload(String text) -> dialect.payload(text);
                case End() -> events.addAll(dialect.endOfInput());
            }
        }
        return events;
    }
}

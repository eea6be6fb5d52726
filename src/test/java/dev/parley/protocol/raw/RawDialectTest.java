package dev.parley.protocol.raw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.Status;
import dev.parley.protocol.Terminator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Any line protocol: lines framed, answers ended by silence. */
class RawDialectTest {

    private static final FramingLimits SMALL = new FramingLimits(64, 64, 200);

    @Test
    void greetingIsLinesThenQuietCompletes() {
        List<DialectEvent> events = feedEverySplitThenQuiet(FramingLimits.DEFAULT,
                "220 hello there\r\n220 second line\r\n");

        assertThat(events).containsExactly(
                line("220 hello there", Terminator.CRLF),
                line("220 second line", Terminator.CRLF),
                new DialectEvent.Complete(Status.OK));
        DialectEvent.ServerLine first = (DialectEvent.ServerLine) events.get(0);
        assertThat(first.annotation().kind()).isEqualTo(Annotation.DATA);
    }

    @Test
    void linesDoNotCompleteBeforeQuiet() {
        RawDialect dialect = new RawDialect(FramingLimits.DEFAULT);

        assertThat(read(dialect, "a\r\nb\r\n")).noneMatch(e -> e instanceof DialectEvent.Complete);
        assertThat(dialect.quiet()).containsExactly(new DialectEvent.Complete(Status.OK));
    }

    @Test
    void quietWithoutNewBytesCompletesNothing() {
        RawDialect dialect = new RawDialect(FramingLimits.DEFAULT);

        assertThat(dialect.quiet()).isEmpty();
        read(dialect, "x\r\n");
        dialect.quiet();
        assertThat(dialect.quiet()).isEmpty();
        assertThat(dialect.completesOnQuiet()).isTrue();
    }

    @Test
    void bareLfIsRecordedAndFlagged() {
        List<DialectEvent> events = feedEverySplitThenQuiet(FramingLimits.DEFAULT, "one\ntwo\r\n");

        DialectEvent.ServerLine one = (DialectEvent.ServerLine) events.get(0);
        assertThat(one.terminator()).isEqualTo(Terminator.LF);
        assertThat(one.terminator().flagged()).isTrue();
        assertThat(one.annotation().meaning()).contains("bare LF");
        assertThat(((DialectEvent.ServerLine) events.get(1)).terminator()).isEqualTo(Terminator.CRLF);
    }

    @Test
    void partialLineAtQuietIsShownAndLaterBytesStartANewLine() {
        RawDialect dialect = new RawDialect(FramingLimits.DEFAULT);
        read(dialect, "Password");

        assertThat(dialect.quiet()).containsExactly(line("Password", Terminator.NONE),
                new DialectEvent.Complete(Status.OK));
        assertThat(read(dialect, ": ok\r\n")).containsExactly(line(": ok", Terminator.CRLF));
    }

    @Test
    void endOfInputFlushesAndCompletes() {
        RawDialect dialect = new RawDialect(FramingLimits.DEFAULT);
        read(dialect, "bye");

        assertThat(dialect.endOfInput()).containsExactly(line("bye", Terminator.NONE),
                new DialectEvent.Complete(Status.OK));
        assertThat(read(dialect, "more\r\n")).isEmpty();
    }

    @Test
    void linesPastTheDisplayLimitAreCountedInANotice() {
        String script = "0123456789012345678\r\n".repeat(4);
        List<DialectEvent> events = feedEverySplitThenQuiet(SMALL, script);

        assertThat(events).hasSize(5);
        assertThat(events.get(3)).isEqualTo(new DialectEvent.Notice(
                "1 more line of this answer (21 octets) was not shown: one answer shows at most 64 octets."));
        assertThat(events.get(4)).isEqualTo(new DialectEvent.Complete(Status.OK));
    }

    @Test
    void answerPastTheLimitEndsTheSession() {
        List<DialectEvent> events = feedEverySplitThenQuiet(SMALL, "0123456789\r\n".repeat(20));

        assertThat(events.get(events.size() - 1)).isEqualTo(new DialectEvent.LimitExceeded(
                "The server sent 201 octets or more without a pause, over the 200-octet limit for one answer."));
    }

    @Test
    void overlongLineEndsTheSession() {
        RawDialect dialect = new RawDialect(SMALL);

        assertThat(read(dialect, "x".repeat(100))).singleElement().isInstanceOf(DialectEvent.LimitExceeded.class);
        assertThat(dialect.quiet()).isEmpty();
    }

    @Test
    void typedLineIsSentAsTypedWithCrlfAndExpectsAnAnswer() {
        ClientWrite.Send send = (ClientWrite.Send) new RawDialect(FramingLimits.DEFAULT).write("hello world", false);

        assertThat(new String(send.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello world\r\n");
        assertThat(send.expectsAnswer()).isTrue();
        Annotation annotation = send.lines().get(0).annotation();
        assertThat(annotation.verb()).isEqualTo("HELLO");
        assertThat(annotation.meaning()).isEqualTo("Sent as typed; Parley does not know this protocol.");
    }

    @Test
    void payloadMakesEveryLineEndCrlfAndAppendsNothing() {
        ClientWrite.Send send = (ClientWrite.Send) new RawDialect(FramingLimits.DEFAULT).payload("a\nb\r\nc\rd");

        assertThat(new String(send.bytes(), StandardCharsets.UTF_8)).isEqualTo("a\r\nb\r\nc\r\nd");
        assertThat(send.lines()).extracting(ClientWrite.ClientLine::text).containsExactly("a", "b", "c", "d");
        assertThat(send.lines().get(3).terminator()).isEqualTo(Terminator.NONE);
        assertThat(send.expectsAnswer()).isTrue();
    }

    @Test
    void lineWithALineBreakInsideIsRejected() {
        assertThat(new RawDialect(FramingLimits.DEFAULT).write("a\nb", false)).isInstanceOf(ClientWrite.Reject.class);
    }

    private static DialectEvent.ServerLine line(String text, Terminator terminator) {
        String meaning = switch (terminator) {
            case CRLF -> "A line from the server; Parley does not know this protocol.";
            case LF -> "A line from the server, ended by a bare LF instead of CRLF.";
            case NONE -> "Part of a line without its end: the server went quiet (or closed) before ending it."
                    + " Octets that follow start a new line.";
        };
        return new DialectEvent.ServerLine(text, terminator, Annotation.data(meaning, null));
    }

    private static List<DialectEvent> read(RawDialect dialect, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return dialect.read(bytes, 0, bytes.length);
    }

    /** Feeds the script whole, split in two at every octet and byte by byte, then quiet: all must agree. */
    private static List<DialectEvent> feedEverySplitThenQuiet(FramingLimits limits, String script) {
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        List<DialectEvent> whole = feed(limits, bytes, List.of(bytes.length));
        for (int at = 1; at < bytes.length; at++) {
            assertThat(feed(limits, bytes, List.of(at, bytes.length))).as("split at octet %d", at).isEqualTo(whole);
        }
        List<Integer> everyByte = new ArrayList<>();
        for (int i = 1; i <= bytes.length; i++) {
            everyByte.add(i);
        }
        assertThat(feed(limits, bytes, everyByte)).as("byte by byte").isEqualTo(whole);
        return whole;
    }

    private static List<DialectEvent> feed(FramingLimits limits, byte[] bytes, List<Integer> cuts) {
        RawDialect dialect = new RawDialect(limits);
        List<DialectEvent> events = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            events.addAll(dialect.read(bytes, from, cut - from));
            from = cut;
        }
        events.addAll(dialect.quiet());
        return events;
    }
}

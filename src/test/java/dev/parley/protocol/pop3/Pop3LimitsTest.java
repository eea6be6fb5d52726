package dev.parley.protocol.pop3;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.SplitFeeder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The display limit (lines read and counted, not shown) and the hard limits that end the session. */
class Pop3LimitsTest {

    private static final FramingLimits SMALL = new FramingLimits(64, 64, 400);

    private static List<DialectEvent> run(SplitFeeder.Step... steps) {
        return SplitFeeder.feedConsistently(() -> new Pop3Dialect(SMALL), List.of(steps));
    }

    @Test
    void linesPastTheDisplayLimitAreCountedNotShown() {
        // Eight lines of 21 octets each (19 characters + CRLF): three fit the 64-octet display limit.
        String line = "0123456789012345678\r\n";
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("RETR 1"), server("+OK\r\n" + line.repeat(8) + ".\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: +OK ready | reply +OK last", "complete ok",
                "S: +OK | reply +OK more",
                "S: 0123456789012345678 | data", "S: 0123456789012345678 | data", "S: 0123456789012345678 | data",
                "notice: 5 more lines of this answer (105 octets) were not shown: one answer shows at most 64 octets.",
                "S: . | data last", "complete ok");
    }

    @Test
    void smallLineAfterHiddenOnesIsHiddenToo() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("RETR 1"),
                server("+OK\r\n" + "x".repeat(60) + "\r\n" + "y".repeat(10) + "\r\nz\r\n.\r\n"));

        assertThat(SplitFeeder.summary(events)).contains(
                "notice: 2 more lines of this answer (15 octets) were not shown: one answer shows at most 64 octets.");
        assertThat(SplitFeeder.summary(events)).noneMatch(s -> s.startsWith("S: z"));
    }

    @Test
    void answerPastTheAnswerLimitEndsTheSession() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("RETR 1"),
                server("+OK\r\n" + "0123456789012345678\r\n".repeat(30) + ".\r\n"));

        DialectEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(DialectEvent.LimitExceeded.class);
        assertThat(((DialectEvent.LimitExceeded) last).message()).contains("400-octet limit");
        assertThat(events.stream().filter(e -> e instanceof DialectEvent.Complete)).hasSize(1);
    }

    @Test
    void overlongLineEndsTheSession() {
        List<List<DialectEvent>> ways = SplitFeeder.feedAllWays(() -> new Pop3Dialect(SMALL),
                List.of(server("+OK " + "x".repeat(80) + "\r\n")));

        assertThat(ways).allSatisfy(events -> {
            assertThat(events).hasSize(1);
            assertThat(events.get(0)).isInstanceOf(DialectEvent.LimitExceeded.class);
            assertThat(((DialectEvent.LimitExceeded) events.get(0)).message()).contains("64-octet limit");
        });
    }

    @Test
    void hiddenOctetsAreReportedWhenTheServerClosesMidAnswer() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("RETR 1"),
                server("+OK\r\n" + "0123456789012345678\r\n".repeat(4)), SplitFeeder.end());

        assertThat(SplitFeeder.summary(events)).endsWith("notice: 1 more line of this answer (21 octets) was not shown: one answer shows at most 64 octets.",
                "notice: The server closed the connection before the end of this multi-line answer:"
                        + " its terminating line with only '.' never came.",
                "complete error");
    }
}

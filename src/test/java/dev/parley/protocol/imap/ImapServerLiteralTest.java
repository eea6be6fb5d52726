package dev.parley.protocol.imap;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.end;
import static dev.parley.protocol.SplitFeeder.feedConsistently;
import static dev.parley.protocol.SplitFeeder.server;
import static dev.parley.protocol.SplitFeeder.summary;
import static dev.parley.protocol.imap.ImapTestSupport.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server literals {@code {n}}: read by count, CRLFs inside included, however the reads are cut (RFC 9051 §4.3). */
class ImapServerLiteralTest {

    private static ImapDialect fresh() {
        return new ImapDialect(FramingLimits.DEFAULT);
    }

    private static ImapDialect small() {
        return new ImapDialect(SMALL);
    }

    @Test
    void literalWithCrlfInsideIsReadByCountAtEverySplit() {
        String literal = "Subject: hi\r\n\r\n* 9 EXISTS\r\nA0001 OK fake\r\n";
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[]"),
                server("* 1 FETCH (BODY[] {" + literal.length() + "}\r\n" + literal + ")\r\nA0001 OK done\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: * 1 FETCH (BODY[] {" + literal.length() + "} | reply FETCH more",
                new DialectEvent.Literal(literal.length(), literal, false).toString(),
                "S: ) | data",
                "S: A0001 OK done | reply OK last", "complete ok");
    }

    @Test
    void aHeaderLiteralWithoutItsBlankLineIsExplainedOnTheRow() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[HEADER]"),
                server("* 1 FETCH (BODY[HEADER] {6}\r\nA: b\r\n)\r\nA0001 OK done\r\n")));
        assertThat(events).filteredOn(e -> e instanceof DialectEvent.Notice).singleElement()
                .asString().contains("no blank line at its end", "RFC 9051 §6.4.5", "2 octets less than RFC822.SIZE");
        List<DialectEvent> whole = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[HEADER]"),
                server("* 1 FETCH (BODY[HEADER] {8}\r\nA: b\r\n\r\n)\r\nA0001 OK done\r\n")));
        assertThat(whole).noneMatch(e -> e instanceof DialectEvent.Notice);
    }

    @Test
    void aLiteralWithLinesStartingWithADotSaysNothingWasStuffed() {
        String text = "Blah blah blah...\r\n...etc. etc. etc.\r\n";
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[TEXT]"),
                server("* 1 FETCH (BODY[TEXT] {" + text.length() + "}\r\n" + text + ")\r\nA0001 OK done\r\n")));
        assertThat(events).filteredOn(e -> e instanceof DialectEvent.Notice).singleElement().asString()
                .contains("nothing is dot-stuffed", "SMTP and POP3 double such a dot");
    }

    @Test
    void twoLiteralsInOneResponseAreEachReadAndTheResponseGoesOn() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 (BODY[HEADER] BODY[TEXT])"),
                server("* 1 FETCH (BODY[HEADER] {8}\r\nA: b\r\n\r\n BODY[TEXT] {5}\r\nhello FLAGS (\\Seen))\r\n"
                        + "A0001 OK done\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: * 1 FETCH (BODY[HEADER] {8} | reply FETCH more",
                new DialectEvent.Literal(8, "A: b\r\n\r\n", false).toString(),
                "S:  BODY[TEXT] {5} | data",
                new DialectEvent.Literal(5, "hello", false).toString(),
                "S:  FLAGS (\\Seen)) | data",
                "S: A0001 OK done | reply OK last", "complete ok");
        assertThat(ImapDialectTest.meaning(events, 4)).contains("the next 5 octets are a literal");
    }

    @Test
    void zeroOctetLiteralIsAnEmptyLiteral() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[1]"),
                server("* 1 FETCH (BODY[1] {0}\r\n)\r\nA0001 OK done\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: * 1 FETCH (BODY[1] {0} | reply FETCH more",
                new DialectEvent.Literal(0, "", false).toString(),
                "S: ) | data", "S: A0001 OK done | reply OK last", "complete ok");
    }

    @Test
    void literalLargerThanTheDisplayLimitIsCutButCountedAndReadingContinues() {
        String literal = ImapTestSupport.octets(1000);
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::small, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[]"),
                server("* 1 FETCH (BODY[] {1000}\r\n" + literal + ")\r\nA0001 OK done\r\n")));
        DialectEvent.Literal shown = (DialectEvent.Literal) events.get(3);
        assertThat(shown.octets()).isEqualTo(1000);
        assertThat(shown.truncated()).isTrue();
        assertThat(shown.text()).isEqualTo(literal.substring(0, 64));
        assertThat(summary(events.subList(4, events.size())))
                .containsExactly("S: ) | data", "S: A0001 OK done | reply OK last", "complete ok");
    }

    @Test
    void cutLiteralNeverEndsInHalfAUtf8Character() {
        String literal = "x".repeat(63) + "é" + "y".repeat(20);
        int octets = literal.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::small, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[]"),
                server("* 1 FETCH (BODY[] {" + octets + "}\r\n" + literal + ")\r\n")));
        DialectEvent.Literal shown = (DialectEvent.Literal) events.get(3);
        assertThat(shown.text()).isEqualTo("x".repeat(63));
        assertThat(shown.octets()).isEqualTo(octets);
        assertThat(shown.truncated()).isTrue();
    }

    @Test
    void literalOverTheAnswerLimitEndsTheSessionNamingBothSizes() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::small, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[]"),
                server("* 1 FETCH (BODY[] {5000}\r\nmore bytes that are never read\r\n")));
        assertThat(summary(events)).hasSize(4).startsWith("S: * OK ready | reply OK last", "complete ok",
                "S: * 1 FETCH (BODY[] {5000} | reply FETCH more");
        assertThat(((DialectEvent.LimitExceeded) events.get(3)).message())
                .contains("literal of 5,000 octets").contains("4,096-octet limit");
    }

    @Test
    void literalsOfOneResponseCountTogetherAgainstTheAnswerLimit() {
        String part = ImapTestSupport.octets(3000);
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::small, List.of(
                server("* OK ready\r\n"), client("FETCH 1 (BODY[1] BODY[2])"),
                server("* 1 FETCH (BODY[1] {3000}\r\n" + part + " BODY[2] {3000}\r\n" + part + ")\r\n")));
        assertThat(events.getLast()).isInstanceOf(DialectEvent.LimitExceeded.class);
        assertThat(events).filteredOn(e -> e instanceof DialectEvent.Literal).hasSize(1);
    }

    @Test
    void absurdLiteralCountEndsTheSessionInsteadOfOverflowing() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n* 1 FETCH (BODY[] {99999999999999999999999}\r\n")));
        assertThat(((DialectEvent.LimitExceeded) events.getLast()).message()).contains("more than 10^18");
    }

    @Test
    void nonNumericLiteralIsAMalformedLineAndNotRead() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[]"),
                server("* 1 FETCH (BODY[] {abc}\r\nA0001 OK done\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: * 1 FETCH (BODY[] {abc} | malformed", "S: A0001 OK done | reply OK last", "complete ok");
        assertThat(ImapDialectTest.meaning(events, 2)).contains("{abc}").contains("not a number");
    }

    @Test
    void emptyBracesAreMalformedToo() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n* 1 FETCH (BODY[] {}\r\n")));
        assertThat(summary(events)).endsWith("S: * 1 FETCH (BODY[] {} | malformed");
    }

    @Test
    void literal8IsReadByCountAndSaysSo() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BINARY[1]"),
                server("* 1 FETCH (BINARY[1] ~{3}\r\n\u0001\u0000\u0002)\r\nA0001 OK done\r\n")));
        assertThat(events.get(3)).isEqualTo(new DialectEvent.Literal(3, "\u0001\u0000\u0002", false));
        assertThat(ImapDialectTest.meaning(events, 2)).contains("literal8");
    }

    @Test
    void connectionEndingInsideALiteralShowsWhatArrivedAndSaysWhatIsMissing() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n* 1 FETCH (BODY[] {20}\r\n0123456789"), end()));
        assertThat(events.get(3)).isEqualTo(new DialectEvent.Literal(10, "0123456789", false));
        assertThat(((DialectEvent.Notice) events.get(4)).text()).contains("10 octets before the end")
                .contains("10 of 20 arrived");
    }

    @Test
    void taggedCompletionInsideALiteralIsDataNotACompletion() {
        List<DialectEvent> events = feedConsistently(ImapServerLiteralTest::fresh, List.of(
                server("* OK ready\r\n"), client("FETCH 1 BODY[]"),
                server("* 1 FETCH (BODY[] {15}\r\nA0001 OK fake\r\n)\r\n")));
        assertThat(events).filteredOn(e -> e instanceof DialectEvent.Complete).hasSize(1);
    }
}

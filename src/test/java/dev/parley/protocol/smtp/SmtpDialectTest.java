package dev.parley.protocol.smtp;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.end;
import static dev.parley.protocol.SplitFeeder.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.DialectEvent.ServerLine;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.SplitFeeder;
import dev.parley.protocol.Terminator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SMTP replies: the lesson's transcript, multi-line aggregation, meanings, pipelining and limits. */
class SmtpDialectTest {

    static List<DialectEvent> run(SplitFeeder.Step... steps) {
        return SplitFeeder.feedConsistently(() -> new SmtpDialect(FramingLimits.DEFAULT), List.of(steps));
    }

    static List<ServerLine> lines(List<DialectEvent> events) {
        return events.stream().filter(ServerLine.class::isInstance).map(ServerLine.class::cast).toList();
    }

    static ClientWrite.Send sent(ClientWrite write) {
        assertThat(write).isInstanceOf(ClientWrite.Send.class);
        return (ClientWrite.Send) write;
    }

    static String wire(ClientWrite.Send send) {
        return new String(send.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void lessonHelloExchangeCompletesGreetingAndEhloReply() {
        List<DialectEvent> events = run(
                server("220 foo.com Simple Mail Transfer Service Ready\r\n"),
                client("EHLO bar.com"),
                server("250-foo.com greets bar.com\r\n250-8BITMIME\r\n250-SIZE\r\n250-DSN\r\n250 HELP\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly(
                "S: 220 foo.com Simple Mail Transfer Service Ready | reply 220 last",
                "complete ok",
                "S: 250-foo.com greets bar.com | reply 250 more",
                "S: 250-8BITMIME | reply 250 more",
                "S: 250-SIZE | reply 250 more",
                "S: 250-DSN | reply 250 more",
                "S: 250 HELP | reply 250 last",
                "complete ok");
        List<ServerLine> lines = lines(events);
        assertThat(lines.get(0).annotation().meaning()).contains("EHLO");
        assertThat(lines.get(1).annotation().meaning()).contains("extensions");
        assertThat(lines.get(2).annotation().meaning()).contains("8BITMIME", "8-bit");
        assertThat(lines.get(2).annotation().reference()).isEqualTo("RFC 6152");
        assertThat(lines.get(3).annotation().reference()).isEqualTo("RFC 1870");
        assertThat(lines.get(4).annotation().meaning()).contains("delivery status");
        assertThat(lines.get(5).annotation().meaning()).contains("HELP");
    }

    @Test
    void lessonTransactionGivesOneCompletePerCommandWithItsStatus() {
        List<DialectEvent> events = run(
                server("220 foo.com Simple Mail Transfer Service Ready\r\n"),
                client("MAIL FROM:<Smith@bar.com>"),
                server("250 OK\r\n"),
                client("RCPT TO:<Jones@foo.com>"),
                server("250 OK\r\n"),
                client("RCPT TO:<Green@foo.com>"),
                server("550 No such user here\r\n"),
                client("DATA"),
                server("354 Start mail input; end with <CRLF>.<CRLF>\r\n"),
                client("Blah blah blah..."),
                client("...etc. etc. etc."),
                client("."),
                server("250 OK\r\n"),
                client("QUIT"),
                server("221 foo.com Service closing transmission channel\r\n"),
                end());

        assertThat(SplitFeeder.summary(events)).containsExactly(
                "S: 220 foo.com Simple Mail Transfer Service Ready | reply 220 last", "complete ok",
                "S: 250 OK | reply 250 last", "complete ok",
                "S: 250 OK | reply 250 last", "complete ok",
                "S: 550 No such user here | reply 550 last", "complete error",
                "S: 354 Start mail input; end with <CRLF>.<CRLF> | reply 354 last", "complete continue",
                "S: 250 OK | reply 250 last", "complete ok",
                "S: 221 foo.com Service closing transmission channel | reply 221 last", "complete ok");
        List<ServerLine> lines = lines(events);
        assertThat(lines.get(3).annotation().meaning()).contains("mailbox unavailable");
        assertThat(lines.get(4).annotation().meaning()).contains("'.'");
        assertThat(lines.get(5).annotation().meaning()).contains("accepted");
        assertThat(lines.get(6).annotation().meaning()).contains("closes the connection");
    }

    @Test
    void commandsAreAnnotatedWithVerbMeaningAndReference() {
        SmtpDialect dialect = new SmtpDialect(FramingLimits.DEFAULT);
        ClientWrite.Send send = sent(dialect.write("mail FROM:<Smith@bar.com>", false));

        assertThat(wire(send)).isEqualTo("mail FROM:<Smith@bar.com>\r\n");
        assertThat(send.expectsAnswer()).isTrue();
        Annotation a = send.lines().get(0).annotation();
        assertThat(a.kind()).isEqualTo(Annotation.COMMAND);
        assertThat(a.verb()).isEqualTo("MAIL");
        assertThat(a.reference()).isEqualTo("RFC 5321 §4.1.1.2");
    }

    @Test
    void unknownVerbPassesThroughWithGenericMeaning() {
        ClientWrite.Send send = sent(new SmtpDialect(FramingLimits.DEFAULT).write("XYZZY plugh", false));

        assertThat(wire(send)).isEqualTo("XYZZY plugh\r\n");
        assertThat(send.lines().get(0).annotation().verb()).isEqualTo("XYZZY");
        assertThat(send.lines().get(0).annotation().meaning()).isEqualTo("Not a command this protocol defines; sent as typed.");
    }

    @Test
    void lineWithCrOrLfIsRejected() {
        assertThat(new SmtpDialect(FramingLimits.DEFAULT).write("NOOP\r\nQUIT", false)).isInstanceOf(ClientWrite.Reject.class);
    }

    @Test
    void bareCodeWithNothingAfterItIsTheLastLine() {
        List<DialectEvent> events = run(server("220-hello\r\n220\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly(
                "S: 220-hello | reply 220 more", "S: 220 | reply 220 last", "complete ok");
    }

    @Test
    void enhancedStatusCodeIsFoldedIntoTheMeaning() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("RCPT TO:<nobody@foo.com>"),
                server("550 5.1.1 <nobody@foo.com>: Recipient address rejected\r\n"));

        String meaning = lines(events).get(1).annotation().meaning();
        assertThat(meaning).contains("mailbox unavailable", "Enhanced status 5.1.1", "permanent failure", "addressing status",
                "bad destination mailbox address");
    }

    @Test
    void unknownCodeIsExplainedByItsFirstDigit() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("NOOP"), server("299 odd but fine\r\n"));

        assertThat(lines(events).get(1).annotation().meaning()).contains("2yz");
        assertThat(events.get(events.size() - 1)).isEqualTo(new DialectEvent.Complete(dev.parley.protocol.Status.OK));
    }

    @Test
    void authExtensionLineListsItsMechanisms() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("EHLO me"),
                server("250-mx.example greets me\r\n250-SIZE 35882577\r\n250-AUTH PLAIN LOGIN\r\n250-STARTTLS\r\n250 PIPELINING\r\n"));

        List<ServerLine> lines = lines(events);
        assertThat(lines.get(2).annotation().meaning()).contains("35,882,577 octets");
        assertThat(lines.get(3).annotation().meaning()).contains("Mechanisms: PLAIN, LOGIN");
        assertThat(lines.get(4).annotation().meaning()).contains("STARTTLS");
        assertThat(lines.get(5).annotation().meaning()).contains("several commands");
    }

    @Test
    void pipelinedCommandsAreAnsweredOldestFirst() {
        List<DialectEvent> events = run(
                server("220 ready\r\n"),
                client("MAIL FROM:<a@b>"), client("RCPT TO:<c@d>"), client("RCPT TO:<e@f>"), client("DATA"),
                server("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 no\r\n354 go ahead\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly(
                "S: 220 ready | reply 220 last", "complete ok",
                "S: 250 2.1.0 Ok | reply 250 last", "complete ok",
                "S: 250 2.1.5 Ok | reply 250 last", "complete ok",
                "S: 550 5.1.1 no | reply 550 last", "complete error",
                "S: 354 go ahead | reply 354 last", "complete continue");
        assertThat(lines(events).get(4).annotation().meaning()).contains("Start mail input");
    }

    @Test
    void multiLineReplySplitAcrossReadsCompletesOnlyOnFinalLine() {
        SmtpDialect dialect = new SmtpDialect(FramingLimits.DEFAULT);
        List<DialectEvent> first = dialect.read(bytes("220-a\r\n220-b"), 0, 12);
        List<DialectEvent> second = dialect.read(bytes("\r\n220 c\r\n"), 0, 9);

        assertThat(SplitFeeder.summary(first)).containsExactly("S: 220-a | reply 220 more");
        assertThat(SplitFeeder.summary(second)).containsExactly("S: 220-b | reply 220 more", "S: 220 c | reply 220 last", "complete ok");
    }

    @Test
    void bareLfIsRecordedAsLfTerminator() {
        List<DialectEvent> events = run(server("220 ready\n"));

        assertThat(lines(events).get(0).terminator()).isEqualTo(Terminator.LF);
        assertThat(SplitFeeder.summary(events)).containsExactly("S: 220 ready <LF> | reply 220 last", "complete ok");
    }

    @Test
    void overlongLineEndsTheSessionWithLimitExceeded() {
        FramingLimits limits = new FramingLimits(64, 1024, 4096);
        // The octet count in the message is what had arrived when the limit tripped, so it varies
        // with the split; the outcome must not.
        List<List<DialectEvent>> ways = SplitFeeder.feedAllWays(() -> new SmtpDialect(limits),
                List.of(server("220 " + "x".repeat(100) + "\r\n220 never read\r\n")));

        assertThat(ways).allSatisfy(events -> {
            assertThat(events).hasSize(1);
            assertThat(events.get(0)).isInstanceOf(DialectEvent.LimitExceeded.class);
            assertThat(((DialectEvent.LimitExceeded) events.get(0)).message()).contains("64-octet limit");
        });
    }

    @Test
    void endlessMultiLineReplyEndsTheSessionAtTheAnswerLimit() {
        FramingLimits limits = new FramingLimits(64, 64, 100);
        List<DialectEvent> events = SplitFeeder.feedConsistently(() -> new SmtpDialect(limits),
                List.of(server("220-0123456789\r\n".repeat(10))));

        assertThat(events.get(events.size() - 1)).isInstanceOf(DialectEvent.LimitExceeded.class);
        assertThat(events).noneMatch(e -> e instanceof DialectEvent.Complete);
    }

    /**
     * Issue #8: a server flooding {@code 250-} lines was stored as a 396,149-line transcript, because
     * the per-answer display limit did not cut SMTP replies. Now lines past it are counted, and the
     * final line (it carries the reply's code) still comes, after a notice saying what was held back.
     */
    @Test
    void aMultiLineReplyIsShownUpToTheDisplayLimitAndEndsWithItsFinalLine() {
        FramingLimits limits = new FramingLimits(64, 64, 100_000);
        List<DialectEvent> events = SplitFeeder.feedConsistently(() -> new SmtpDialect(limits),
                List.of(server("220-0123456789\r\n".repeat(1000) + "220 ready\r\n")));

        List<String> summary = SplitFeeder.summary(events);
        assertThat(summary).filteredOn(e -> e.startsWith("S: 220-")).hasSize(4);
        assertThat(summary).containsSubsequence(
                "notice: 996 more lines of this reply (15.6 KB) were not shown: one answer shows at most 64 octets.",
                "S: 220 ready | reply 220 last", "complete ok");
    }

    @Test
    void theDisplayLimitStartsAfreshWithEachReply() {
        FramingLimits limits = new FramingLimits(64, 64, 100_000);
        List<DialectEvent> events = SplitFeeder.feedConsistently(() -> new SmtpDialect(limits),
                List.of(server("220-0123456789\r\n".repeat(10) + "220 ready\r\n"), client("EHLO me"),
                        server("250-a\r\n250-b\r\n250 c\r\n")));

        assertThat(SplitFeeder.summary(events)).containsSubsequence("S: 250-a | reply 250 more", "S: 250-b | reply 250 more",
                "S: 250 c | reply 250 last", "complete ok");
    }

    @Test
    void replyWithNoCommandWaitingIsShownWithANotice() {
        List<DialectEvent> events = run(server("220 ready\r\n421 4.4.2 timeout, closing\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: 220 ready | reply 220 last", "complete ok",
                "S: 421 4.4.2 timeout, closing | reply 421 last",
                "notice: The server sent this reply although no command was waiting for one.");
    }

    @Test
    void connectionClosedMidReplyEndsItWithError() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("EHLO me"), server("250-hi\r\n250-SIZE"), end());

        assertThat(SplitFeeder.summary(events)).containsExactly("S: 220 ready | reply 220 last", "complete ok",
                "S: 250-hi | reply 250 more", "S: 250-SIZE <NONE> | reply 250 more",
                "notice: The server closed the connection in the middle of a multi-line reply, before its last line.",
                "complete error");
    }

    @Test
    void partialLastLineIsFlushedAtEndOfInput() {
        List<DialectEvent> events = run(server("220 ready\r\n"), client("QUIT"), server("221 bye"), end());

        assertThat(SplitFeeder.summary(events)).endsWith("S: 221 bye <NONE> | reply 221 last", "complete ok");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.parley.protocol.imap;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.end;
import static dev.parley.protocol.SplitFeeder.feedConsistently;
import static dev.parley.protocol.SplitFeeder.server;
import static dev.parley.protocol.SplitFeeder.summary;
import static dev.parley.protocol.imap.ImapTestSupport.octets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.Status;
import dev.parley.protocol.Terminator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-side framing and completion of the IMAP dialect: the lesson's transcript and the rules around it. */
class ImapDialectTest {

    private static ImapDialect fresh() {
        return new ImapDialect(FramingLimits.DEFAULT);
    }

    @Test
    void lessonTranscriptCompletesEachCommandByItsTagAndReadsLiteralsByCount() {
        String header = octets(1421) + "\r\n\r\n";
        String body = octets(1120);
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK example.com IMAP4rev1 v12.264 server ready\r\n"),
                client("A0002 SELECT INBOX"),
                server("* 1 EXISTS\r\n* 1 RECENT\r\n* FLAGS (\\Answered \\Flagged \\Deleted \\Draft \\Seen)\r\n"
                        + "* OK [UNSEEN 1] first unseen message in /var/spool/mail/esr\r\n"
                        + "A0002 OK [READ-WRITE] SELECT completed\r\n"),
                client("A0003 FETCH 1 RFC822.SIZE"),
                server("* 1 FETCH (RFC822.SIZE 2545)\r\nA0003 OK FETCH completed\r\n"),
                client("A0004 FETCH 1 BODY[HEADER]"),
                server("* 1 FETCH (RFC822.HEADER {1425}\r\n" + header + ")\r\nA0004 OK FETCH completed\r\n"),
                client("A0005 FETCH 1 BODY[TEXT]"),
                server("* 1 FETCH (BODY[TEXT] {1120}\r\n" + body + ")\r\n* 1 FETCH (FLAGS (\\Recent \\Seen))\r\n"
                        + "A0005 OK FETCH completed\r\n"),
                client("A0006 LOGOUT"),
                server("* BYE example.com IMAP4rev1 server terminating connection\r\nA0006 OK LOGOUT completed\r\n"),
                end()));

        assertThat(summary(events)).containsExactly(
                "S: * OK example.com IMAP4rev1 v12.264 server ready | reply OK last",
                "complete ok",
                "S: * 1 EXISTS | reply EXISTS more",
                "S: * 1 RECENT | reply RECENT more",
                "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Draft \\Seen) | reply FLAGS more",
                "S: * OK [UNSEEN 1] first unseen message in /var/spool/mail/esr | reply OK more",
                "S: A0002 OK [READ-WRITE] SELECT completed | reply OK last",
                "complete ok",
                "S: * 1 FETCH (RFC822.SIZE 2545) | reply FETCH more",
                "S: A0003 OK FETCH completed | reply OK last",
                "complete ok",
                "S: * 1 FETCH (RFC822.HEADER {1425} | reply FETCH more",
                new DialectEvent.Literal(1425, header, false).toString(),
                "S: ) | data",
                "S: A0004 OK FETCH completed | reply OK last",
                "complete ok",
                "S: * 1 FETCH (BODY[TEXT] {1120} | reply FETCH more",
                new DialectEvent.Literal(1120, body, false).toString(),
                "S: ) | data",
                "S: * 1 FETCH (FLAGS (\\Recent \\Seen)) | reply FETCH more",
                "S: A0005 OK FETCH completed | reply OK last",
                "complete ok",
                "S: * BYE example.com IMAP4rev1 server terminating connection | reply BYE more",
                "S: A0006 OK LOGOUT completed | reply OK last",
                "complete ok");
        DialectEvent.Literal headerLiteral = (DialectEvent.Literal) events.get(12);
        assertThat(headerLiteral.octets()).isEqualTo(1425).isEqualTo(headerLiteral.text().length());
        assertThat(meaning(events, 11)).contains("the next 1,425 octets are a literal, read by count");
        assertThat(meaning(events, 5)).contains("[UNSEEN]").contains("first unseen");
        assertThat(meaning(events, 6)).contains("Completes A0002 SELECT").contains("[READ-WRITE]");
        assertThat(meaning(events, 2)).isEqualTo("The mailbox now holds 1 message(s).");
    }

    @Test
    void lessonUserLineKeepsItsTagAndAnUntaggedOkDoesNotCompleteIt() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK example.com IMAP4rev1 v12.264 server ready\r\n"),
                client("A0001 USER \"frobozz\" \"xyzzy\""),
                server("* OK User frobozz authenticated\r\nA0001 BAD Unknown command\r\n")));
        assertThat(summary(events)).containsExactly(
                "S: * OK example.com IMAP4rev1 v12.264 server ready | reply OK last",
                "complete ok",
                "S: * OK User frobozz authenticated | reply OK more",
                "S: A0001 BAD Unknown command | reply BAD last",
                "complete error");
        assertThat(meaning(events, 3)).startsWith("Completes A0001 USER: Protocol error");
    }

    @Test
    void preauthGreetingCompletesOk() {
        assertThat(summary(feedConsistently(ImapDialectTest::fresh, List.of(server("* PREAUTH welcome back\r\n")))))
                .containsExactly("S: * PREAUTH welcome back | reply PREAUTH last", "complete ok");
    }

    @Test
    void byeGreetingCompletesError() {
        assertThat(summary(feedConsistently(ImapDialectTest::fresh, List.of(server("* BYE too many connections\r\n")))))
                .containsExactly("S: * BYE too many connections | reply BYE last", "complete error");
    }

    @Test
    void greetingThatIsNoGreetingIsMalformedAndCompletesError() {
        assertThat(summary(feedConsistently(ImapDialectTest::fresh, List.of(server("220 smtp.example.com ESMTP\r\n")))))
                .containsExactly("S: 220 smtp.example.com ESMTP | malformed", "complete error");
    }

    @Test
    void pipelinedCommandsCompleteWhenTheirTaggedLinesArriveWhateverTheOrder() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\n"),
                client("NOOP"),
                client("CAPABILITY"),
                server("* CAPABILITY IMAP4rev2 IDLE\r\nA0002 OK done\r\nA0001 NO [SERVERBUG] oops\r\n")));
        assertThat(summary(events)).containsExactly(
                "S: * OK ready | reply OK last", "complete ok",
                "S: * CAPABILITY IMAP4rev2 IDLE | reply CAPABILITY more",
                "S: A0002 OK done | reply OK last", "complete ok",
                "S: A0001 NO [SERVERBUG] oops | reply NO last", "complete error");
        assertThat(meaning(events, 3)).startsWith("Completes A0002 CAPABILITY");
        assertThat(meaning(events, 5)).contains("[SERVERBUG]").contains("RFC 5530");
    }

    @Test
    void taggedLineForATagNobodySentDoesNotComplete() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\nZ9 OK what?\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: Z9 OK what? | reply OK last");
        assertThat(meaning(events, 2)).startsWith("No command tagged Z9 is waiting");
    }

    @Test
    void responseCodesAreExplainedWithTheirRfc() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK [CAPABILITY IMAP4rev2 STARTTLS] ready\r\n"),
                client("LOGIN bob wrong"),
                server("A0001 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"),
                client("SELECT Nope"),
                server("* OK [PERMANENTFLAGS (\\Seen \\*)] Limited\r\nA0002 NO [NONEXISTENT] No such mailbox\r\n"),
                client("COPY 1 Archive"),
                server("A0003 NO [TRYCREATE] no Archive\r\n"),
                client("NOOP"),
                server("A0004 OK [XYZZY] magic\r\n")));
        assertThat(meaning(events, 0)).contains("[CAPABILITY]: The capability list");
        assertThat(meaning(events, 2)).contains("[AUTHENTICATIONFAILED]: Wrong user name or password")
                .contains("RFC 5530 §3");
        assertThat(meaning(events, 4)).contains("[PERMANENTFLAGS]");
        assertThat(meaning(events, 5)).contains("[NONEXISTENT]: No such mailbox");
        assertThat(meaning(events, 7)).contains("[TRYCREATE]: The target mailbox does not exist");
        assertThat(meaning(events, 9)).contains("[XYZZY]: A response code this lesson does not describe");
    }

    @Test
    void untaggedDataIsAnnotatedAndNeverCompletes() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\n"),
                client("SEARCH FROM \"cris\""),
                server("* 3 EXPUNGE\r\n* SEARCH 1 2\r\n* LIST (\\HasNoChildren) \".\" \"INBOX\"\r\n"
                        + "* STATUS INBOX (MESSAGES 2)\r\n* XFOO bar\r\n* NO disk almost full\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: * 3 EXPUNGE | reply EXPUNGE more",
                "S: * SEARCH 1 2 | reply SEARCH more",
                "S: * LIST (\\HasNoChildren) \".\" \"INBOX\" | reply LIST more",
                "S: * STATUS INBOX (MESSAGES 2) | reply STATUS more",
                "S: * XFOO bar | reply XFOO more",
                "S: * NO disk almost full | reply NO more");
        assertThat(meaning(events, 2)).startsWith("Message 3 was removed");
        assertThat(meaning(events, 6)).contains("does not describe");
        assertThat(meaning(events, 7)).contains("warning");
    }

    @Test
    void taggedLineWithUnknownStatusIsMalformedAndCompletesNothing() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\n"), client("NOOP"), server("A0001 MAYBE later\r\nA0001 OK now\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: A0001 MAYBE later | malformed", "S: A0001 OK now | reply OK last", "complete ok");
        assertThat(meaning(events, 2)).contains("must say OK, NO or BAD").contains("\"MAYBE\"");
    }

    @Test
    void taggedByeIsMalformedBecauseByeIsOnlyUntagged() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\n"), client("LOGOUT"), server("A0001 BYE\r\n")));
        assertThat(meaning(events, 2)).contains("only ever sent untagged");
    }

    @Test
    void emptyLineIsMalformed() {
        assertThat(summary(feedConsistently(ImapDialectTest::fresh, List.of(server("* OK ready\r\n\r\n")))))
                .containsExactly("S: * OK ready | reply OK last", "complete ok", "S:  | malformed");
    }

    @Test
    void starWithNothingAfterItIsMalformed() {
        assertThat(summary(feedConsistently(ImapDialectTest::fresh, List.of(server("* OK ready\r\n*\r\n* \r\n")))))
                .containsExactly("S: * OK ready | reply OK last", "complete ok", "S: * | malformed", "S: *  | malformed");
    }

    @Test
    void tagWithoutStatusIsMalformed() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\nA0001\r\n(weird\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: A0001 | malformed", "S: (weird | malformed");
        assertThat(meaning(events, 3)).contains("neither *, + nor a valid tag");
    }

    @Test
    void numberWithoutKeywordIsMalformed() {
        assertThat(summary(feedConsistently(ImapDialectTest::fresh, List.of(server("* OK ready\r\n* 12\r\n")))))
                .containsExactly("S: * OK ready | reply OK last", "complete ok", "S: * 12 | malformed");
    }

    @Test
    void responseCodeNeverClosedIsMalformedButStillCompletes() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\n"), client("NOOP"), server("A0001 OK [ALERT no end\r\n")));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: A0001 OK [ALERT no end | malformed", "complete ok");
        assertThat(meaning(events, 2)).contains("never closed with ]");
    }

    @Test
    void bareLfTerminatorIsRecordedAsLf() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\n"), client("NOOP"), server("A0001 OK done\r\n")));
        assertThat(((DialectEvent.ServerLine) events.get(0)).terminator()).isEqualTo(Terminator.LF);
        assertThat(((DialectEvent.ServerLine) events.get(2)).terminator()).isEqualTo(Terminator.CRLF);
        assertThat(summary(events)).containsExactly("S: * OK ready <LF> | reply OK last", "complete ok",
                "S: A0001 OK done | reply OK last", "complete ok");
    }

    @Test
    void overlongLineEndsTheSessionWithLimitExceeded() {
        String longLine = "* OK " + "x".repeat(300) + "\r\n";
        List<DialectEvent> events = ImapTestSupport.read(new ImapDialect(ImapTestSupport.SMALL), longLine);
        assertThat(events).singleElement().isInstanceOf(DialectEvent.LimitExceeded.class);
        assertThat(((DialectEvent.LimitExceeded) events.getFirst()).message()).contains("256-octet limit");
    }

    @Test
    void partialLineAtEndOfInputIsShownWithoutTerminator() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\n* BYE going awa"), end()));
        assertThat(summary(events)).containsExactly("S: * OK ready | reply OK last", "complete ok",
                "S: * BYE going awa <NONE> | reply BYE more");
    }

    @Test
    void idleContinuesThenDoneIsUntaggedAndTheTaggedOkCompletesIdle() {
        ImapDialect dialect = ImapTestSupport.greeted();
        assertThat(ImapTestSupport.sent(dialect.write("IDLE", false)).expectsAnswer()).isTrue();
        List<DialectEvent> events = ImapTestSupport.read(dialect, "+ idling\r\n* 4 EXISTS\r\n* 2 EXPUNGE\r\n");
        assertThat(summary(events)).containsExactly("S: + idling | reply + last", "complete continue",
                "S: * 4 EXISTS | reply EXISTS more", "S: * 2 EXPUNGE | reply EXPUNGE more");
        assertThat(dialect.write("SELECT INBOX", false)).isInstanceOf(dev.parley.protocol.ClientWrite.Reject.class);
        var done = ImapTestSupport.sent(dialect.write("DONE", false));
        assertThat(ImapTestSupport.wire(done)).isEqualTo("DONE");
        assertThat(done.expectsAnswer()).isTrue();
        assertThat(done.lines().getFirst().annotation().verb()).isEqualTo("DONE");
        assertThat(summary(ImapTestSupport.read(dialect, "A0001 OK IDLE terminated\r\n")))
                .containsExactly("S: A0001 OK IDLE terminated | reply OK last", "complete ok");
        assertThat(ImapTestSupport.wire(dialect.write("NOOP", false))).isEqualTo("A0002 NOOP");
    }

    @Test
    void idleScriptGivesTheSameEventsHoweverItIsSplit() {
        List<DialectEvent> events = feedConsistently(ImapDialectTest::fresh, List.of(
                server("* OK ready\r\n"), client("IDLE"), server("+ idling\r\n* 5 EXISTS\r\n"),
                client("DONE"), server("A0001 OK IDLE terminated\r\n")));
        assertThat(events.stream().filter(e -> e instanceof DialectEvent.Complete).map(e -> ((DialectEvent.Complete) e).status()))
                .containsExactly(Status.OK, Status.CONTINUE, Status.OK);
    }

    @Test
    void authenticateTakesBase64ResponsesUntaggedAfterEachContinuation() {
        ImapDialect dialect = ImapTestSupport.greeted();
        assertThat(ImapTestSupport.wire(dialect.write("AUTHENTICATE PLAIN", false))).isEqualTo("A0001 AUTHENTICATE PLAIN");
        assertThat(summary(ImapTestSupport.read(dialect, "+ \r\n")))
                .containsExactly("S: +  | reply + last", "complete continue");
        var response = ImapTestSupport.sent(dialect.write("AGJvYgByZWRxdWVlbg==", false));
        assertThat(ImapTestSupport.wire(response)).isEqualTo("AGJvYgByZWRxdWVlbg==");
        assertThat(response.expectsAnswer()).isTrue();
        assertThat(response.lines().getFirst().annotation().kind()).isEqualTo(Annotation.PAYLOAD);
        assertThat(summary(ImapTestSupport.read(dialect, "A0001 OK [CAPABILITY IMAP4rev2] done\r\n")))
                .containsExactly("S: A0001 OK [CAPABILITY IMAP4rev2] done | reply OK last", "complete ok");
        assertThat(ImapTestSupport.wire(dialect.write("NOOP", false))).isEqualTo("A0002 NOOP");
    }

    @Test
    void payloadIsRefusedBecauseImapUsesLiterals() {
        assertThat(fresh().payload("hello")).isInstanceOf(dev.parley.protocol.ClientWrite.Reject.class);
    }

    static String meaning(List<DialectEvent> events, int index) {
        return ((DialectEvent.ServerLine) events.get(index)).annotation().meaning();
    }
}

package dev.parley.protocol.pop3;

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

/** POP3 answers: the lesson's transcript, single- and multi-line answers, response codes, pipelining, end of input. */
class Pop3DialectTest {

    static List<DialectEvent> run(SplitFeeder.Step... steps) {
        return SplitFeeder.feedConsistently(() -> new Pop3Dialect(FramingLimits.DEFAULT), List.of(steps));
    }

    static List<ServerLine> lines(List<DialectEvent> events) {
        return events.stream().filter(ServerLine.class::isInstance).map(ServerLine.class::cast).toList();
    }

    static ClientWrite.Send sent(ClientWrite write) {
        assertThat(write).isInstanceOf(ClientWrite.Send.class);
        return (ClientWrite.Send) write;
    }

    static List<DialectEvent> feed(Pop3Dialect dialect, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return dialect.read(b, 0, b.length);
    }

    @Test
    void lessonSessionCompletesEachAnswerWithItsStatus() {
        List<DialectEvent> events = run(
                server("+OK POP3 server ready <1896.6971@mailgate.dobbs.org>\r\n"),
                client("USER bob"), server("+OK bob\r\n"),
                client("PASS redqueen"), server("+OK bob's maildrop has 2 messages (320 octets)\r\n"),
                client("STAT"), server("+OK 2 320\r\n"),
                client("LIST"), server("+OK 1 messages (120 octets)\r\n1 120\r\n.\r\n"),
                client("RETR 1"), server("+OK 120 octets\r\nSubject: hello\r\n\r\nThe text of message 1\r\n.\r\n"),
                client("DELE 1"), server("+OK message 1 deleted\r\n"),
                client("QUIT"), server("+OK dewey POP3 server signing off (maildrop empty)\r\n"),
                end());

        assertThat(SplitFeeder.summary(events)).containsExactly(
                "S: +OK POP3 server ready <1896.6971@mailgate.dobbs.org> | reply +OK last", "complete ok",
                "S: +OK bob | reply +OK last", "complete ok",
                "S: +OK bob's maildrop has 2 messages (320 octets) | reply +OK last", "complete ok",
                "S: +OK 2 320 | reply +OK last", "complete ok",
                "S: +OK 1 messages (120 octets) | reply +OK more",
                "S: 1 120 | data",
                "S: . | data last", "complete ok",
                "S: +OK 120 octets | reply +OK more",
                "S: Subject: hello | data", "S:  | data", "S: The text of message 1 | data",
                "S: . | data last", "complete ok",
                "S: +OK message 1 deleted | reply +OK last", "complete ok",
                "S: +OK dewey POP3 server signing off (maildrop empty) | reply +OK last", "complete ok");
        List<ServerLine> lines = lines(events);
        assertThat(lines.get(0).annotation().meaning()).contains("AUTHORIZATION", "APOP");
        assertThat(lines.get(2).annotation().meaning()).contains("TRANSACTION");
        assertThat(lines.get(3).annotation().meaning()).contains("2 messages, 320 octets");
        assertThat(lines.get(5).annotation().meaning()).startsWith("Message 1 is 120 octets, the size of what RETR 1 sends.");
        assertThat(lines.get(6).annotation().meaning()).contains("end of the multi-line answer");
        assertThat(lines.get(8).annotation().meaning()).contains("header");
        assertThat(lines.get(9).annotation().meaning()).contains("separates the message's headers from its body");
        assertThat(lines.get(10).annotation().meaning()).contains("body");
        assertThat(lines.get(12).annotation().meaning()).contains("deleted");
    }

    @Test
    void commandsAreAnnotatedWithVerbMeaningAndSection() {
        Pop3Dialect dialect = new Pop3Dialect(FramingLimits.DEFAULT);
        ClientWrite.Send send = sent(dialect.write("retr 1", false));

        assertThat(new String(send.bytes(), StandardCharsets.UTF_8)).isEqualTo("retr 1\r\n");
        assertThat(send.expectsAnswer()).isTrue();
        Annotation a = send.lines().get(0).annotation();
        assertThat(a.verb()).isEqualTo("RETR");
        assertThat(a.reference()).isEqualTo("RFC 1939 §5");
        assertThat(sent(dialect.write("FROB", false)).lines().get(0).annotation().meaning())
                .isEqualTo("Not a command this protocol defines; sent as typed.");
    }

    @Test
    void listAndUidlWithArgumentAreSingleLine() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("LIST 1"), client("UIDL 1"),
                server("+OK 1 120\r\n+OK 1 whqtswO00WBw418f9t5JxYwZ\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: +OK ready | reply +OK last", "complete ok",
                "S: +OK 1 120 | reply +OK last", "complete ok",
                "S: +OK 1 whqtswO00WBw418f9t5JxYwZ | reply +OK last", "complete ok");
    }

    @Test
    void errToMultiLineCommandIsSingleLine() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("RETR 9"), client("NOOP"),
                server("-ERR no such message\r\n+OK\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: +OK ready | reply +OK last", "complete ok",
                "S: -ERR no such message | reply -ERR last", "complete error",
                "S: +OK | reply +OK last", "complete ok");
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrderAcrossMultiLineAnswers() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("STAT"), client("UIDL"), client("TOP 1 0"), client("QUIT"),
                server("+OK 1 50\r\n+OK\r\n1 abc\r\n.\r\n+OK\r\nSubject: x\r\n\r\n.\r\n+OK bye\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: +OK ready | reply +OK last", "complete ok",
                "S: +OK 1 50 | reply +OK last", "complete ok",
                "S: +OK | reply +OK more", "S: 1 abc | data", "S: . | data last", "complete ok",
                "S: +OK | reply +OK more", "S: Subject: x | data", "S:  | data", "S: . | data last", "complete ok",
                "S: +OK bye | reply +OK last", "complete ok");
        assertThat(lines(events).get(3).annotation().meaning()).contains("unique id abc");
    }

    @Test
    void dotStuffedLineIsShownAsOnTheWireAndExplained() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("RETR 1"), server("+OK\r\n\r\n..etc.\r\n.\r\n"));

        ServerLine stuffed = lines(events).get(3);
        assertThat(stuffed.text()).isEqualTo("..etc.");
        assertThat(stuffed.annotation().kind()).isEqualTo(Annotation.DATA);
        assertThat(stuffed.annotation().meaning()).startsWith("Dot-stuffed:").contains("RFC 1939 §3");
        assertThat(events.get(events.size() - 1)).isEqualTo(new DialectEvent.Complete(dev.parley.protocol.Status.OK));
    }

    @Test
    void capaListingExplainsEachCapability() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("CAPA"),
                server("+OK Capability list follows\r\nTOP\r\nUSER\r\nSASL PLAIN\r\nRESP-CODES\r\nPIPELINING\r\nUIDL\r\nSTLS\r\n.\r\n"));

        List<ServerLine> lines = lines(events);
        assertThat(lines).hasSize(10);
        assertThat(lines.get(2).annotation().meaning()).contains("Capability TOP");
        assertThat(lines.get(4).annotation().meaning()).contains("SASL");
        assertThat(lines.get(8).annotation().meaning()).contains("STLS");
        assertThat(lines.get(8).annotation().reference()).isEqualTo("RFC 2449 §5");
    }

    @Test
    void responseCodesInBracketsAreExplained() {
        List<DialectEvent> events = run(server("+OK ready\r\n"),
                client("PASS a"), client("PASS b"), client("PASS c"), client("PASS d"), client("PASS e"), client("PASS f"),
                server("-ERR [IN-USE] locked\r\n-ERR [LOGIN-DELAY] wait\r\n-ERR [SYS/TEMP] try later\r\n"
                        + "-ERR [SYS/PERM] broken\r\n-ERR [AUTH] bad password\r\n-ERR [UTF8] need UTF8\r\n"));

        List<ServerLine> lines = lines(events);
        assertThat(lines.get(1).annotation().meaning()).contains("[IN-USE]", "locked by another session");
        assertThat(lines.get(2).annotation().meaning()).contains("[LOGIN-DELAY]");
        assertThat(lines.get(3).annotation().meaning()).contains("[SYS/TEMP]", "temporary");
        assertThat(lines.get(4).annotation().meaning()).contains("[SYS/PERM]", "permanent");
        assertThat(lines.get(5).annotation().meaning()).contains("[AUTH]", "credentials");
        assertThat(lines.get(6).annotation().meaning()).contains("[UTF8]");
    }

    @Test
    void serverClosingMidAnswerEndsItWithErrorAndANotice() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("RETR 1"), server("+OK\r\nSubject: x\r\nhalf a li"), end());

        assertThat(SplitFeeder.summary(events)).containsExactly("S: +OK ready | reply +OK last", "complete ok",
                "S: +OK | reply +OK more", "S: Subject: x | data", "S: half a li <NONE> | data",
                "notice: The server closed the connection before the end of this multi-line answer:"
                        + " its terminating line with only '.' never came.",
                "complete error");
    }

    @Test
    void bareLfIsRecordedAsLfTerminator() {
        List<DialectEvent> events = run(server("+OK ready\n"), client("LIST"), server("+OK\r\n1 120\n.\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: +OK ready <LF> | reply +OK last", "complete ok",
                "S: +OK | reply +OK more", "S: 1 120 <LF> | data", "S: . | data last", "complete ok");
        assertThat(lines(events).get(0).terminator()).isEqualTo(Terminator.LF);
    }

    @Test
    void answerWithNoCommandWaitingIsShownWithANotice() {
        List<DialectEvent> events = run(server("+OK ready\r\n-ERR autologout\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: -ERR autologout | reply -ERR last",
                "notice: The server sent this answer although no command was waiting for one.");
    }

    @Test
    void payloadIsRejectedBecauseThePayloadBelongsToTheServer() {
        ClientWrite write = new Pop3Dialect(FramingLimits.DEFAULT).payload("Hello");

        assertThat(write).isInstanceOf(ClientWrite.Reject.class);
        assertThat(((ClientWrite.Reject) write).reason()).contains("RETR");
    }

    @Test
    void aNegativeSizeIsNotReadAsOctets() {
        List<DialectEvent> events = run(server("+OK ready\r\n"), client("LIST"), server("+OK\r\n4 -1\r\n.\r\n"));
        assertThat(lines(events).get(2).annotation().meaning()).contains("gives -1 as its size", "no size at all")
                .doesNotContain("is -1 octets");
    }

}

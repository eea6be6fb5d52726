package dev.parley.protocol.smtp;

import static dev.parley.protocol.smtp.SmtpDialectTest.bytes;
import static dev.parley.protocol.smtp.SmtpDialectTest.sent;
import static dev.parley.protocol.smtp.SmtpDialectTest.wire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.SplitFeeder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message after 354: dot-stuffing, the lone dot, payload() normalisation, and DATA holding input. */
class SmtpPayloadTest {

    /** A dialect that has had its greeting, sent DATA and got 354. */
    private static SmtpDialect inPayloadMode() {
        SmtpDialect dialect = new SmtpDialect(FramingLimits.DEFAULT);
        feed(dialect, "220 ready\r\n");
        dialect.write("DATA", false);
        feed(dialect, "354 go ahead\r\n");
        return dialect;
    }

    private static List<DialectEvent> feed(SmtpDialect dialect, String text) {
        byte[] b = bytes(text);
        return dialect.read(b, 0, b.length);
    }

    @Test
    void payloadLineIsNotACommandAndExpectsNoAnswer() {
        ClientWrite.Send send = sent(inPayloadMode().write("Subject: hi", false));

        assertThat(wire(send)).isEqualTo("Subject: hi\r\n");
        assertThat(send.expectsAnswer()).isFalse();
        assertThat(send.lines().get(0).annotation().kind()).isEqualTo(Annotation.PAYLOAD);
    }

    @Test
    void typedLineStartingWithDotIsDotStuffedAndShownStuffed() {
        ClientWrite.Send send = sent(inPayloadMode().write("...etc. etc. etc.", false));

        assertThat(wire(send)).isEqualTo("....etc. etc. etc.\r\n");
        assertThat(send.lines().get(0).text()).isEqualTo("....etc. etc. etc.");
        assertThat(send.lines().get(0).annotation().meaning()).startsWith("Dot-stuffed:").contains("RFC 5321 §4.5.2");
    }

    @Test
    void rawPayloadLineIsNotStuffed() {
        ClientWrite.Send send = sent(inPayloadMode().write(".hidden", true));

        assertThat(wire(send)).isEqualTo(".hidden\r\n");
        assertThat(send.lines().get(0).annotation().meaning()).contains("not dot-stuffed");
    }

    @Test
    void loneDotEndsTheMessageAndExpectsTheAnswer() {
        SmtpDialect dialect = inPayloadMode();
        dialect.write("Hello", false);
        ClientWrite.Send send = sent(dialect.write(".", false));

        assertThat(wire(send)).isEqualTo(".\r\n");
        assertThat(send.expectsAnswer()).isTrue();
        assertThat(send.lines().get(0).annotation().meaning()).contains("CRLF.CRLF ends the message");
        assertThat(SplitFeeder.summary(feed(dialect, "250 2.0.0 queued as 42\r\n")))
                .containsExactly("S: 250 2.0.0 queued as 42 | reply 250 last", "complete ok");
        assertThat(sent(dialect.write("QUIT", false)).lines().get(0).annotation().verb()).isEqualTo("QUIT");
    }

    @Test
    void payloadNormalisesLineBreaksStuffsDotsAndEndsWithCrlfDotCrlf() {
        SmtpDialect dialect = inPayloadMode();
        ClientWrite.Send send = sent(dialect.payload("Subject: x\r\n\nline one\r.hidden\n.\nlast"));

        assertThat(wire(send)).isEqualTo("Subject: x\r\n\r\nline one\r\n..hidden\r\n..\r\nlast\r\n.\r\n");
        assertThat(send.lines()).extracting(ClientWrite.ClientLine::text)
                .containsExactly("Subject: x", "", "line one", "..hidden", "..", "last", ".");
        assertThat(send.lines()).allMatch(l -> l.annotation().kind().equals(Annotation.PAYLOAD));
        assertThat(send.expectsAnswer()).isTrue();
        assertThat(dialect.payload("again")).isInstanceOf(ClientWrite.Reject.class);
    }

    @Test
    void payloadEndingWithLineBreakGetsNoExtraEmptyLine() {
        ClientWrite.Send send = sent(inPayloadMode().payload("Hi\r\n"));

        assertThat(wire(send)).isEqualTo("Hi\r\n.\r\n");
    }

    @Test
    void emptyPayloadIsJustTheDot() {
        assertThat(wire(sent(inPayloadMode().payload("")))).isEqualTo(".\r\n");
    }

    @Test
    void payloadOutsidePayloadModeIsRejectedWithASentence() {
        ClientWrite write = new SmtpDialect(FramingLimits.DEFAULT).payload("Hello");

        assertThat(write).isInstanceOf(ClientWrite.Reject.class);
        assertThat(((ClientWrite.Reject) write).reason()).contains("DATA", "354");
    }

    @Test
    void dataHoldsInputUntilItsReply() {
        SmtpDialect dialect = new SmtpDialect(FramingLimits.DEFAULT);
        feed(dialect, "220 ready\r\n");
        dialect.write("DATA", false);
        assertThat(dialect.holdsClientInput()).isTrue();

        feed(dialect, "354 go ahead\r\n");

        assertThat(dialect.holdsClientInput()).isFalse();
        assertThat(sent(dialect.write("Hello", false)).expectsAnswer()).isFalse();
    }

    @Test
    void refusedDataDropsHeldLinesAndStaysInCommandMode() {
        SmtpDialect dialect = new SmtpDialect(FramingLimits.DEFAULT);
        feed(dialect, "220 ready\r\n");
        dialect.write("DATA", false);

        List<DialectEvent> events = feed(dialect, "503 5.5.1 Error: need RCPT command\r\n");

        assertThat(SplitFeeder.summary(events)).containsExactly("S: 503 5.5.1 Error: need RCPT command | reply 503 last",
                "complete error", "drop-held-input");
        assertThat(((DialectEvent.DropHeldInput) events.get(2)).reason()).contains("refused DATA (503");
        assertThat(dialect.holdsClientInput()).isFalse();
        assertThat(dialect.payload("x")).isInstanceOf(ClientWrite.Reject.class);
    }

    @Test
    void dataExchangeIsTheSameSplitAnywhere() {
        List<DialectEvent> events = SmtpDialectTest.run(
                SplitFeeder.server("220 ready\r\n"), SplitFeeder.client("DATA"), SplitFeeder.server("354 go\r\n"),
                SplitFeeder.payload("a\r\n.b\r\n"), SplitFeeder.server("250 ok\r\n"));

        assertThat(SplitFeeder.summary(events)).containsExactly("S: 220 ready | reply 220 last", "complete ok",
                "S: 354 go | reply 354 last", "complete continue", "S: 250 ok | reply 250 last", "complete ok");
    }
}

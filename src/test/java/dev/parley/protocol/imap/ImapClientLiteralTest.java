package dev.parley.protocol.imap;

import static dev.parley.protocol.imap.ImapTestSupport.greeted;
import static dev.parley.protocol.imap.ImapTestSupport.read;
import static dev.parley.protocol.imap.ImapTestSupport.sent;
import static dev.parley.protocol.imap.ImapTestSupport.wire;
import static dev.parley.protocol.SplitFeeder.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import org.junit.jupiter.api.Test;

/** Literals the learner sends: {@code {n}} waits for {@code +}, {@code {n+}} does not (RFC 9051 §4.3, RFC 7888). */
class ImapClientLiteralTest {

    @Test
    void synchronisingLiteralHoldsInputUntilTheServerSaysGoAhead() {
        ImapDialect dialect = greeted();
        ClientWrite.Send login = sent(dialect.write("LOGIN {7}", false));
        assertThat(wire(login)).isEqualTo("A0001 LOGIN {7}");
        assertThat(login.expectsAnswer()).isFalse();
        assertThat(login.lines().getFirst().annotation().meaning()).contains("waits for the server's +");
        assertThat(dialect.holdsClientInput()).isTrue();

        assertThat(summary(read(dialect, "+ Ready for literal data\r\n")))
                .containsExactly("S: + Ready for literal data | reply + last");
        assertThat(dialect.holdsClientInput()).isFalse();

        ClientWrite.Send data = sent(dialect.write("frobozz xyzzy", false));
        assertThat(wire(data)).isEqualTo("frobozz xyzzy");
        assertThat(data.expectsAnswer()).isTrue();
        Annotation annotation = data.lines().getFirst().annotation();
        assertThat(annotation.kind()).isEqualTo(Annotation.PAYLOAD);
        assertThat(annotation.meaning()).contains("first 7 octet(s)").contains("\" xyzzy\"")
                .contains("The command is complete");
        assertThat(summary(read(dialect, "A0001 OK LOGIN completed\r\n")))
                .containsExactly("S: A0001 OK LOGIN completed | reply OK last", "complete ok");
        assertThat(wire(dialect.write("NOOP", false))).isEqualTo("A0002 NOOP");
    }

    @Test
    void literalRefusedWithNoDropsHeldInputAndCompletesNothing() {
        ImapDialect dialect = greeted();
        sent(dialect.write("APPEND INBOX {99999}", false));
        assertThat(dialect.holdsClientInput()).isTrue();
        var events = read(dialect, "A0001 NO [LIMIT] Message too large\r\n");
        assertThat(summary(events)).containsExactly("S: A0001 NO [LIMIT] Message too large | reply NO last",
                "drop-held-input");
        assertThat(((DialectEvent.DropHeldInput) events.get(1)).reason())
                .contains("A0001 APPEND").contains("NO instead of +").contains("nothing typed after it is sent");
        assertThat(dialect.holdsClientInput()).isFalse();
        assertThat(wire(dialect.write("NOOP", false))).isEqualTo("A0002 NOOP");
    }

    @Test
    void literalPlusIsSentAtOnceAndTheNextLineCarriesIt() {
        ImapDialect dialect = greeted();
        ClientWrite.Send login = sent(dialect.write("LOGIN {3+}", false));
        assertThat(login.expectsAnswer()).isFalse();
        assertThat(dialect.holdsClientInput()).isFalse();
        assertThat(login.lines().getFirst().annotation().meaning()).contains("LITERAL+").contains("RFC 7888");
        ClientWrite.Send data = sent(dialect.write("bob {8+}", false));
        assertThat(wire(data)).isEqualTo("bob {8+}");
        assertThat(data.expectsAnswer()).isFalse();
        ClientWrite.Send password = sent(dialect.write("redqueen", false));
        assertThat(wire(password)).isEqualTo("redqueen");
        assertThat(password.expectsAnswer()).isTrue();
        assertThat(summary(read(dialect, "A0001 OK done\r\n"))).containsExactly("S: A0001 OK done | reply OK last",
                "complete ok");
    }

    @Test
    void secondSynchronisingLiteralInTheContinuationWaitsAgain() {
        ImapDialect dialect = greeted();
        sent(dialect.write("LOGIN {3}", false));
        read(dialect, "+ go\r\n");
        ClientWrite.Send user = sent(dialect.write("bob {8}", false));
        assertThat(user.expectsAnswer()).isFalse();
        assertThat(dialect.holdsClientInput()).isTrue();
        read(dialect, "+ go\r\n");
        assertThat(sent(dialect.write("redqueen", false)).expectsAnswer()).isTrue();
    }

    @Test
    void literalTypedOverSeveralLinesCountsEachLineAndItsCrlf() {
        ImapDialect dialect = greeted();
        // "Subject: hi" CRLF "" CRLF "hello" CRLF = 13 + 2 + 7 = 22 octets
        sent(dialect.write("APPEND INBOX {22}", false));
        read(dialect, "+ OK\r\n");
        ClientWrite.Send subject = sent(dialect.write("Subject: hi", false));
        assertThat(subject.expectsAnswer()).isFalse();
        assertThat(subject.lines().getFirst().annotation().meaning()).contains("13 octets").contains("9 octet(s) still");
        assertThat(sent(dialect.write("", false)).expectsAnswer()).isFalse();
        ClientWrite.Send hello = sent(dialect.write("hello", false));
        assertThat(hello.expectsAnswer()).isFalse();
        assertThat(hello.lines().getFirst().annotation().meaning()).contains("the literal is complete");
        ClientWrite.Send end = sent(dialect.write("", false));
        assertThat(wire(end)).isEmpty();
        assertThat(end.expectsAnswer()).isTrue();
        assertThat(summary(read(dialect, "A0001 OK [APPENDUID 1 7] APPEND completed\r\n")))
                .containsExactly("S: A0001 OK [APPENDUID 1 7] APPEND completed | reply OK last", "complete ok");
    }

    @Test
    void lineWhoseCrlfWouldSplitTheLiteralIsRejectedWithTheExactCounts() {
        ImapDialect dialect = greeted();
        sent(dialect.write("LOGIN {6}", false));
        read(dialect, "+ go\r\n");
        ClientWrite reject = dialect.write("abcde", false);
        assertThat(reject).isInstanceOf(ClientWrite.Reject.class);
        assertThat(((ClientWrite.Reject) reject).reason()).contains("exactly 6 more octets")
                .contains("This line is 5 octets").contains("would be 7").contains("between CR and LF");
        assertThat(wire(dialect.write("abcdef x", false))).isEqualTo("abcdef x");
    }

    @Test
    void literalOctetsAreCountedInUtf8() {
        ImapDialect dialect = greeted();
        sent(dialect.write("LOGIN {5+}", false));
        ClientWrite.Send data = sent(dialect.write("jürg pw", false));
        assertThat(data.expectsAnswer()).isTrue();
        assertThat(data.lines().getFirst().annotation().meaning()).contains("\" pw\"");
    }

    @Test
    void rawLiteralCommandIsTrackedToo() {
        ImapDialect dialect = greeted();
        ClientWrite.Send raw = sent(dialect.write("t1 LOGIN {3}", true));
        assertThat(wire(raw)).isEqualTo("t1 LOGIN {3}");
        assertThat(dialect.holdsClientInput()).isTrue();
    }

    @Test
    void nonNumericBracesOnATypedLineAreSentAsTypedWithAWarning() {
        ImapDialect dialect = greeted();
        ClientWrite.Send send = sent(dialect.write("LOGIN {abc}", false));
        assertThat(send.expectsAnswer()).isTrue();
        assertThat(dialect.holdsClientInput()).isFalse();
        assertThat(send.lines().getFirst().annotation().meaning()).contains("not a number");
    }
}

package dev.parley.protocol.smtp;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.server;
import static dev.parley.protocol.smtp.SmtpDialectTest.bytes;
import static dev.parley.protocol.smtp.SmtpDialectTest.lines;
import static dev.parley.protocol.smtp.SmtpDialectTest.sent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.SplitFeeder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** STARTTLS (RFC 3207) holding and discarding, and AUTH (RFC 4954) challenges and responses. */
class SmtpStartTlsAndAuthTest {

    private static SmtpDialect greeted() {
        SmtpDialect dialect = new SmtpDialect(FramingLimits.DEFAULT);
        feed(dialect, "220 ready\r\n");
        return dialect;
    }

    private static List<DialectEvent> feed(SmtpDialect dialect, String text) {
        byte[] b = bytes(text);
        return dialect.read(b, 0, b.length);
    }

    /**
     * The STARTTLS command injection (CVE-2011-0411 and kin): bytes that arrive after the 220
     * go-ahead came in plaintext; they must be discarded, not read as if protected by TLS.
     */
    @Test
    void goAheadDiscardsBytesPipelinedAfterIt() {
        SmtpDialect dialect = greeted();
        dialect.write("STARTTLS", false);
        assertThat(dialect.holdsClientInput()).isTrue();

        List<DialectEvent> events = feed(dialect, "220 2.0.0 Ready to start TLS\r\n250 injected\r\n");

        assertThat(SplitFeeder.summary(events)).containsExactly("S: 220 2.0.0 Ready to start TLS | reply 220 last",
                "complete ok", "tls-go-ahead 14");
        assertThat(lines(events).get(0).annotation().meaning()).contains("EHLO again");
        assertThat(lines(events).get(0).annotation().reference()).isEqualTo("RFC 3207 §4.2");
        assertThat(dialect.holdsClientInput()).isFalse();
        // After the handshake the buffer starts clean: the next reply answers the next command.
        dialect.write("EHLO me", false);
        assertThat(SplitFeeder.summary(feed(dialect, "250 hi again\r\n"))).containsExactly("S: 250 hi again | reply 250 last", "complete ok");
    }

    @Test
    void goAheadIsTheSameSplitAnywhereWithinIt() {
        List<DialectEvent> events = SmtpDialectTest.run(server("220 ready\r\n"), client("STARTTLS"), server("220 go\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: 220 go | reply 220 last", "complete ok", "tls-go-ahead 0");
    }

    @Test
    void refusalDropsHeldInput() {
        List<DialectEvent> events = SmtpDialectTest.run(server("220 ready\r\n"), client("STARTTLS"),
                server("454 4.7.0 TLS not available due to temporary reason\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: 454 4.7.0 TLS not available due to temporary reason | reply 454 last",
                "complete error", "drop-held-input");
        assertThat(((DialectEvent.DropHeldInput) events.get(events.size() - 1)).reason()).isEqualTo(
                "The server refused STARTTLS (454 4.7.0 TLS not available due to temporary reason):"
                        + " the connection stays unencrypted.");
    }

    @Test
    void refusalLeavesTheDialectAcceptingCommands() {
        SmtpDialect dialect = greeted();
        dialect.write("STARTTLS", false);
        feed(dialect, "502 no\r\n");

        assertThat(dialect.holdsClientInput()).isFalse();
        assertThat(sent(dialect.write("QUIT", false)).lines().get(0).annotation().verb()).isEqualTo("QUIT");
    }

    @Test
    void authLoginChallengesMakeTypedLinesBase64Responses() {
        SmtpDialect dialect = greeted();
        dialect.write("AUTH LOGIN", false);
        assertThat(dialect.holdsClientInput()).isTrue();

        List<DialectEvent> challenge = feed(dialect, "334 VXNlcm5hbWU6\r\n");
        assertThat(SplitFeeder.summary(challenge)).containsExactly("S: 334 VXNlcm5hbWU6 | reply 334 last", "complete continue");
        assertThat(lines(challenge).get(0).annotation().meaning()).contains("\u201cUsername:\u201d");
        assertThat(dialect.holdsClientInput()).isFalse();

        ClientWrite.Send user = sent(dialect.write("Ym9i", false));
        assertThat(user.lines().get(0).annotation().verb()).isNull();
        assertThat(user.lines().get(0).annotation().meaning()).contains("base64 response");
        assertThat(user.expectsAnswer()).isTrue();
        assertThat(dialect.holdsClientInput()).isTrue();

        feed(dialect, "334 UGFzc3dvcmQ6\r\n");
        sent(dialect.write("cmVkcXVlZW4=", false));
        assertThat(SplitFeeder.summary(feed(dialect, "235 2.7.0 Authentication successful\r\n")))
                .containsExactly("S: 235 2.7.0 Authentication successful | reply 235 last", "complete ok");

        assertThat(sent(dialect.write("MAIL FROM:<bob@localhost>", false)).lines().get(0).annotation().verb()).isEqualTo("MAIL");
    }

    @Test
    void starCancelsTheAuthExchange() {
        SmtpDialect dialect = greeted();
        dialect.write("AUTH PLAIN", false);
        feed(dialect, "334 \r\n");

        ClientWrite.Send cancel = sent(dialect.write("*", false));
        assertThat(cancel.lines().get(0).annotation().meaning()).contains("Cancels");
        assertThat(SplitFeeder.summary(feed(dialect, "501 5.7.0 Authentication aborted\r\n")))
                .containsExactly("S: 501 5.7.0 Authentication aborted | reply 501 last", "complete error");
        assertThat(sent(dialect.write("NOOP", false)).lines().get(0).annotation().verb()).isEqualTo("NOOP");
    }

    @Test
    void authWithInitialResponseAcceptedGoesBackToCommands() {
        SmtpDialect dialect = greeted();
        dialect.write("AUTH PLAIN AGJvYgByZWRxdWVlbg==", false);
        feed(dialect, "535 5.7.8 Authentication credentials invalid\r\n");

        assertThat(dialect.holdsClientInput()).isFalse();
        assertThat(sent(dialect.write("QUIT", false)).lines().get(0).annotation().verb()).isEqualTo("QUIT");
    }
}

package dev.parley.protocol.pop3;

import static dev.parley.protocol.pop3.Pop3DialectTest.feed;
import static dev.parley.protocol.pop3.Pop3DialectTest.sent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.FramingLimits;
import org.junit.jupiter.api.Test;

/** Secrets in POP3 are masked at capture: the wire keeps them, the redacted line does not. */
class Pop3RedactionTest {

    private static Pop3Dialect greeted() {
        Pop3Dialect dialect = new Pop3Dialect(FramingLimits.DEFAULT);
        feed(dialect, "+OK ready\r\n");
        return dialect;
    }

    private static ClientWrite.ClientLine line(ClientWrite write) {
        return sent(write).lines().getFirst();
    }

    @Test
    void passwordOfPassIsMaskedButSentInFull() {
        ClientWrite.Send send = sent(greeted().write("PASS redqueen", false));

        assertThat(send.lines().getFirst().redacted()).isEqualTo("PASS ********");
        assertThat(new String(send.bytes())).isEqualTo("PASS redqueen\r\n");
    }

    @Test
    void passwordWithSpacesIsMaskedWhole() {
        assertThat(line(greeted().write("pass red queen  ", false)).redacted()).isEqualTo("pass ********");
    }

    @Test
    void passWithoutArgumentAndOtherCommandsCarryNoSecret() {
        Pop3Dialect dialect = greeted();
        assertThat(line(dialect.write("PASS", false)).redacted()).isNull();
        assertThat(line(dialect.write("USER bob", false)).redacted()).isNull();
        assertThat(line(dialect.write("RETR 1", false)).redacted()).isNull();
    }

    @Test
    void inlineAuthPlainKeepsVerbAndMechanism() {
        assertThat(line(greeted().write("AUTH PLAIN AGJvYgByZWRxdWVlbg==", false)).redacted())
                .isEqualTo("AUTH PLAIN ********");
    }

    @Test
    void authPlainResponseAfterContinuationIsMasked() {
        Pop3Dialect dialect = greeted();
        assertThat(line(dialect.write("AUTH PLAIN", false)).redacted()).isNull();
        feed(dialect, "+ \r\n");

        assertThat(line(dialect.write("AGJvYgByZWRxdWVlbg==", false)).redacted()).isEqualTo("********");
    }

    @Test
    void authLoginUserAndPasswordLinesAreMasked() {
        Pop3Dialect dialect = greeted();
        dialect.write("AUTH LOGIN", false);
        feed(dialect, "+ VXNlcm5hbWU6\r\n");
        assertThat(line(dialect.write("Ym9i", false)).redacted()).isEqualTo("********");
        feed(dialect, "+ UGFzc3dvcmQ6\r\n");
        assertThat(line(dialect.write("cmVkcXVlZW4=", false)).redacted()).isEqualTo("********");
        feed(dialect, "+OK logged in\r\n");
        assertThat(line(dialect.write("STAT", false)).redacted()).isNull();
    }

    @Test
    void cancellingStarIsNotASecret() {
        Pop3Dialect dialect = greeted();
        dialect.write("AUTH LOGIN", false);
        feed(dialect, "+ VXNlcm5hbWU6\r\n");

        assertThat(line(dialect.write("*", false)).redacted()).isNull();
    }
}

package dev.parley.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.FramingLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SMTP AUTH credentials (RFC 4954) are masked at capture, inline and after 334. */
class SmtpRedactionTest {

    private static SmtpDialect greeted() {
        SmtpDialect dialect = new SmtpDialect(FramingLimits.DEFAULT);
        read(dialect, "220 ready\r\n");
        dialect.write("EHLO me", false);
        read(dialect, "250-hi\r\n250 AUTH PLAIN LOGIN\r\n");
        return dialect;
    }

    private static void read(SmtpDialect dialect, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        dialect.read(bytes, 0, bytes.length);
    }

    private static String redacted(ClientWrite write) {
        return ((ClientWrite.Send) write).lines().getFirst().redacted();
    }

    @Test
    void inlineAuthPlainIsMasked() {
        ClientWrite write = greeted().write("AUTH PLAIN AGJvYgByZWRxdWVlbg==", false);

        assertThat(redacted(write)).isEqualTo("AUTH PLAIN ********");
        assertThat(new String(((ClientWrite.Send) write).bytes(), StandardCharsets.UTF_8))
                .isEqualTo("AUTH PLAIN AGJvYgByZWRxdWVlbg==\r\n");
    }

    @Test
    void authPlainResponseAfter334IsMasked() {
        SmtpDialect dialect = greeted();
        assertThat(redacted(dialect.write("AUTH PLAIN", false))).isNull();
        read(dialect, "334 \r\n");

        assertThat(redacted(dialect.write("AGJvYgByZWRxdWVlbg==", false))).isEqualTo("********");
    }

    @Test
    void authLoginInitialUserAndBothContinuationsAreMasked() {
        SmtpDialect dialect = greeted();
        assertThat(redacted(dialect.write("AUTH LOGIN Ym9i", false))).isEqualTo("AUTH LOGIN ********");
        read(dialect, "334 UGFzc3dvcmQ6\r\n");
        assertThat(redacted(dialect.write("cmVkcXVlZW4=", false))).isEqualTo("********");
    }

    @Test
    void authLoginUserLineIsMaskedToo() {
        SmtpDialect dialect = greeted();
        dialect.write("AUTH LOGIN", false);
        read(dialect, "334 VXNlcm5hbWU6\r\n");
        assertThat(redacted(dialect.write("Ym9i", false))).isEqualTo("********");
        read(dialect, "334 UGFzc3dvcmQ6\r\n");
        assertThat(redacted(dialect.write("cmVkcXVlZW4=", false))).isEqualTo("********");
        read(dialect, "235 2.7.0 Authentication successful\r\n");
        assertThat(redacted(dialect.write("MAIL FROM:<bob@localhost>", false))).isNull();
    }

    @Test
    void cancelIsNotMaskedAndOrdinaryCommandsCarryNoSecret() {
        SmtpDialect dialect = greeted();
        dialect.write("AUTH LOGIN", false);
        read(dialect, "334 VXNlcm5hbWU6\r\n");
        assertThat(redacted(dialect.write("*", false))).isNull();
        read(dialect, "501 cancelled\r\n");
        assertThat(redacted(dialect.write("RCPT TO:<bob@localhost>", false))).isNull();
    }
}

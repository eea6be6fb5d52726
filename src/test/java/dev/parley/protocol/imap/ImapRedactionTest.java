package dev.parley.protocol.imap;

import static dev.parley.protocol.imap.ImapTestSupport.greeted;
import static dev.parley.protocol.imap.ImapTestSupport.read;
import static dev.parley.protocol.imap.ImapTestSupport.sent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The password of LOGIN in every form, and AUTHENTICATE responses, are masked at capture. */
class ImapRedactionTest {

    private static String redacted(ClientWrite write) {
        return sent(write).lines().getFirst().redacted();
    }

    @Test
    void atomPasswordIsMasked() {
        ClientWrite write = greeted().write("LOGIN frobozz xyzzy", false);

        assertThat(redacted(write)).isEqualTo("A0001 LOGIN frobozz ********");
        assertThat(new String(sent(write).bytes(), StandardCharsets.UTF_8)).isEqualTo("A0001 LOGIN frobozz xyzzy\r\n");
    }

    @Test
    void quotedPasswordWithSpacesAndEscapesIsMasked() {
        assertThat(redacted(greeted().write("a1 LOGIN \"frobozz\" \"xy \\\"zz\\\\ y\"", false)))
                .isEqualTo("a1 LOGIN \"frobozz\" ********");
    }

    @Test
    void userNameIsKeptWhateverItsForm() {
        assertThat(redacted(greeted().write("A1 LOGIN \"fro bozz\" xyzzy", false)))
                .isEqualTo("A1 LOGIN \"fro bozz\" ********");
    }

    @Test
    void literalPasswordLineIsMaskedWhole() {
        ImapDialect dialect = greeted();
        assertThat(redacted(dialect.write("A1 LOGIN frobozz {5}", false))).isNull();
        read(dialect, "+ Ready for literal\r\n");

        assertThat(redacted(dialect.write("xyzzy", false))).isEqualTo("********");
        assertThat(redacted(dialect.write("A2 NOOP", false))).isNull();
    }

    @Test
    void nonSynchronisingLiteralPasswordIsMasked() {
        ImapDialect dialect = greeted();
        assertThat(redacted(dialect.write("A1 LOGIN frobozz {5+}", false))).isNull();

        assertThat(redacted(dialect.write("xyzzy", false))).isEqualTo("********");
    }

    @Test
    void literalPasswordSpanningLinesIsMaskedOnEveryLine() {
        ImapDialect dialect = greeted();
        dialect.write("A1 LOGIN frobozz {9+}", false);

        assertThat(redacted(dialect.write("xyz", false))).isEqualTo("********");
        assertThat(redacted(dialect.write("zy", false))).isEqualTo("********");
        assertThat(redacted(dialect.write("", false))).isNull();
        assertThat(redacted(dialect.write("A2 NOOP", false))).isNull();
    }

    @Test
    void literalUserNameKeepsItsLineButMasksThePasswordAfterIt() {
        ImapDialect dialect = greeted();
        dialect.write("A1 LOGIN {7+}", false);

        assertThat(redacted(dialect.write("frobozz xyzzy", false))).isEqualTo("frobozz ********");
    }

    @Test
    void literalUserNameThenLiteralPassword() {
        ImapDialect dialect = greeted();
        dialect.write("A1 LOGIN {7+}", false);
        assertThat(redacted(dialect.write("frobozz {5+}", false))).isNull();

        assertThat(redacted(dialect.write("xyzzy", false))).isEqualTo("********");
    }

    @Test
    void rawUntaggedLoginIsStillMasked() {
        assertThat(redacted(greeted().write("LOGIN frobozz xyzzy", true))).isEqualTo("LOGIN frobozz ********");
    }

    @Test
    void authenticateInitialResponseAndContinuationsAreMasked() {
        ImapDialect dialect = greeted();
        assertThat(redacted(dialect.write("A1 AUTHENTICATE PLAIN AGZyb2JvenoAeHl6enk=", false)))
                .isEqualTo("A1 AUTHENTICATE PLAIN ********");
        read(dialect, "A1 NO not that way\r\n");

        assertThat(redacted(dialect.write("A2 AUTHENTICATE LOGIN", false))).isNull();
        read(dialect, "+ VXNlcm5hbWU6\r\n");
        assertThat(redacted(dialect.write("ZnJvYm96eg==", false))).isEqualTo("********");
        read(dialect, "+ UGFzc3dvcmQ6\r\n");
        assertThat(redacted(dialect.write("eHl6enk=", false))).isEqualTo("********");
        read(dialect, "A2 OK done\r\n");
        assertThat(redacted(dialect.write("A3 SELECT INBOX", false))).isNull();
    }

    @Test
    void appendLiteralIsNotMasked() {
        ImapDialect dialect = greeted();
        dialect.write("A1 APPEND INBOX {5+}", false);

        assertThat(redacted(dialect.write("hello", false))).isNull();
    }
}

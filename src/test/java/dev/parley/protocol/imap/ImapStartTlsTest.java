package dev.parley.protocol.imap;

import static dev.parley.protocol.SplitFeeder.summary;
import static dev.parley.protocol.imap.ImapTestSupport.greeted;
import static dev.parley.protocol.imap.ImapTestSupport.read;
import static dev.parley.protocol.imap.ImapTestSupport.sent;
import static dev.parley.protocol.imap.ImapTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS (RFC 9051 §6.2.1): nothing is sent until the server answers, and bytes the server
 * pipelined after its go-ahead are dropped, because a man in the middle could have injected them
 * in plaintext (the STARTTLS command injection class of bugs, CVE-2011-0411 and kin).
 */
class ImapStartTlsTest {

    @Test
    void goAheadDiscardsPipelinedPlaintextAndHandsOverToTls() {
        ImapDialect dialect = greeted();
        ClientWrite.Send starttls = sent(dialect.write("STARTTLS", false));
        assertThat(wire(starttls)).isEqualTo("A0001 STARTTLS");
        assertThat(starttls.expectsAnswer()).isTrue();
        assertThat(dialect.holdsClientInput()).isTrue();
        assertThat(summary(read(dialect, "* OK still plaintext\r\n"))).containsExactly(
                "S: * OK still plaintext | reply OK more");
        assertThat(dialect.holdsClientInput()).isTrue();

        String injected = "* 1 EXISTS\r\nA0002 OK injected\r\n";
        List<DialectEvent> events = read(dialect, "A0001 OK Begin TLS negotiation now\r\n" + injected);
        assertThat(summary(events)).containsExactly("S: A0001 OK Begin TLS negotiation now | reply OK last",
                "complete ok", "tls-go-ahead " + injected.length());
        assertThat(dialect.holdsClientInput()).isFalse();

        assertThat(summary(read(dialect, "* OK now over TLS\r\n"))).containsExactly("S: * OK now over TLS | reply OK more");
        assertThat(wire(dialect.write("CAPABILITY", false))).isEqualTo("A0002 CAPABILITY");
    }

    @Test
    void goAheadWithNothingPipelinedDiscardsZeroOctets() {
        ImapDialect dialect = greeted();
        dialect.write("STARTTLS", false);
        assertThat(summary(read(dialect, "A0001 OK go\r\n")))
                .containsExactly("S: A0001 OK go | reply OK last", "complete ok", "tls-go-ahead 0");
    }

    @Test
    void refusedStartTlsDropsWhatWasTypedAhead() {
        ImapDialect dialect = greeted();
        dialect.write("STARTTLS", false);
        List<DialectEvent> events = read(dialect, "A0001 BAD TLS not available\r\n");
        assertThat(summary(events)).containsExactly("S: A0001 BAD TLS not available | reply BAD last",
                "complete error", "drop-held-input");
        assertThat(((DialectEvent.DropHeldInput) events.get(2)).reason()).contains("STARTTLS was refused (BAD)")
                .contains("clear text");
        assertThat(dialect.holdsClientInput()).isFalse();
    }
}

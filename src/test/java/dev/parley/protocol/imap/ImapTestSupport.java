package dev.parley.protocol.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers for the IMAP dialect tests: exact-size texts and typed-write inspection. */
final class ImapTestSupport {

    /** Limits small enough to cross in a test: 256-octet lines, 64 octets shown, 4,096 per answer. */
    static final FramingLimits SMALL = new FramingLimits(256, 64, 4096);

    private ImapTestSupport() {
    }

    /** A message-like text of exactly {@code octets} octets, with CRLFs inside (as a header would have). */
    static String octets(int octets) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        while (text.length() < octets) {
            String line = "Received: from relay" + n++ + ".example.com\r\n";
            text.append(line);
        }
        text.setLength(octets);
        assertThat(text.toString().getBytes(StandardCharsets.UTF_8)).hasSize(octets);
        return text.toString();
    }

    static ImapDialect greeted() {
        ImapDialect dialect = new ImapDialect(FramingLimits.DEFAULT);
        read(dialect, "* OK IMAP4rev2 ready\r\n");
        return dialect;
    }

    static List<DialectEvent> read(ImapDialect dialect, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return dialect.read(bytes, 0, bytes.length);
    }

    /** Asserts the write was sent and returns it. */
    static ClientWrite.Send sent(ClientWrite write) {
        assertThat(write).isInstanceOf(ClientWrite.Send.class);
        return (ClientWrite.Send) write;
    }

    /** The single line of a Send, as written on the wire (without CRLF). */
    static String wire(ClientWrite write) {
        ClientWrite.Send send = sent(write);
        assertThat(new String(send.bytes(), StandardCharsets.UTF_8)).endsWith("\r\n");
        return new String(send.bytes(), StandardCharsets.UTF_8).replaceFirst("\r\n$", "");
    }
}

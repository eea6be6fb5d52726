package dev.parley.practice;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/**
 * How the practice mailboxes store and measure a message, so the sizes the servers announce add
 * up the way the lesson's numbers do.
 *
 * <p>GreenMail 2.1.13 counts a stored message in several ways (read in its source:
 * {@code pop3/commands/ListCommand}, {@code StatCommand}, {@code RetrCommand},
 * {@code imap/commands/FetchCommand}, {@code store/SimpleMessageAttributes},
 * {@code util/GreenMailUtil}):
 * <ul>
 * <li>POP3 {@code LIST}/{@code STAT} use Jakarta Mail's {@code MimeMessage.getSize()}: the size of
 *     the <em>body</em> only, and {@code -1} for a message with no blank line (hence
 *     "{@code 4 -1}"). RFC 1939 §5 means the whole message, as {@code RETR} sends it.
 *     {@link PracticePop3Server} answers them with {@link #octets(MimeMessage)} instead.</li>
 * <li>POP3 {@code RETR} and IMAP {@code BODY[TEXT]} cut every trailing space and line end
 *     ({@code String.trim()}) from what they send, while IMAP {@code RFC822.SIZE} counts them. So
 *     {@link #stored(MimeMessage)} keeps a message without trailing white space: nothing changes
 *     on the wire (both protocols end the data with their own CRLF), and the counts agree.</li>
 * <li>IMAP {@code BODY[HEADER]} leaves out the blank line that ends the header, which RFC 9051
 *     §6.4.5 counts as part of it ("the blank line is included in all header fetches"). GreenMail
 *     copies every stored message, so that cannot be fixed from here: the IMAP dialect says so on
 *     the row of a header literal that lacks its blank line.</li>
 * </ul>
 */
final class PracticeMessage {

    private static final Session SESSION = Session.getInstance(new Properties());

    private PracticeMessage() {
    }

    /** The message {@code source} as the practice mailboxes keep it: its octets without trailing white space. */
    static MimeMessage stored(MimeMessage source) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            source.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("The message cannot be read", e);
        }
        byte[] octets = out.toByteArray();
        int end = octets.length;
        while (end > 0 && (octets[end - 1] & 0xFF) <= ' ') {
            end--;
        }
        return new MimeMessage(SESSION, new ByteArrayInputStream(Arrays.copyOf(end == 0 ? octets : octets, end)));
    }

    /** The octets of the message as POP3 {@code RETR} sends it (before byte-stuffing and the closing CRLF.CRLF). */
    static long octets(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message).getBytes(StandardCharsets.ISO_8859_1).length;
    }
}

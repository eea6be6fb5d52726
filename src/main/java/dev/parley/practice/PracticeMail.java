package dev.parley.practice;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The messages the practice mailboxes start with, as in the lesson: bob's maildrop holds two
 * messages, frobozz's INBOX one, and demo's INBOX the message from cris that the Python session
 * finds with {@code SEARCH FROM "cris"}. Fixed dates and ids keep transcripts reproducible.
 *
 * <p>cris's address is the bare {@code cris}: GreenMail's {@code SEARCH FROM} compares whole
 * addresses, where RFC 9051 §6.4.4 asks for a substring match, so only an address that is
 * exactly {@code cris} is found by the lesson's search on the practice server.
 *
 * <p>cris's message is multipart (RFC 2046 §5.1.4, {@code multipart/alternative}: the text and an
 * HTML version), so the lesson's {@code print msg.get_payload()[0]} prints its first part,
 * "If you are reading this email, ...".
 */
final class PracticeMail {

    /** A seed message for one user. */
    record Seed(String login, MimeMessage message) {
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Date LESSON_DAY = new Date(1357449499000L);

    private PracticeMail() {
    }

    static List<Seed> seeds() {
        try {
            return List.of(
                    new Seed("bob", message("alice@localhost", "bob@localhost", "Tea at four",
                            "<tea.1@practice.parley>", "Bob,\r\n\r\nTea at four? The Red Queen is coming.\r\n\r\nAlice\r\n")),
                    new Seed("bob", message("dewey@localhost", "bob@localhost", "Your maildrop",
                            "<maildrop.2@practice.parley>", "This is the second message in your maildrop.\r\n"
                                    + "Read it with RETR 2, or delete it with DELE 2.\r\n")),
                    new Seed("frobozz", message("esr@localhost", "frobozz@localhost", "The Art of Unix Programming",
                            "<artu.1@practice.parley>", "Hello frobozz,\r\n\r\nIMAP sends a message's parts on "
                                    + "request: ask for BODY[HEADER] and then BODY[TEXT],\r\nand count the octets "
                                    + "between the braces.\r\n\r\nxyzzy\r\n")),
                    new Seed("demo", alternative("Cris <cris>", "demo@localhost", "Protocols in Python",
                            "<python.1@practice.parley>", "If you are reading this email, you have fetched it from "
                                    + "the server with a library.\r\nThe library sent the same lines you could "
                                    + "type yourself.\r\n\r\ncris\r\n",
                            "<p>If you are reading this email, you have fetched it from the server with a library.</p>\r\n"
                                    + "<p>The library sent the same lines you could type yourself.</p>\r\n<p>cris</p>\r\n")));
        } catch (MessagingException e) {
            throw new IllegalStateException("The practice messages cannot be built", e);
        }
    }

    private static MimeMessage message(String from, String to, String subject, String id, String text)
            throws MessagingException {
        MimeMessage message = headed(from, to, subject, id);
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** A text part and its HTML alternative; a fixed boundary keeps the octets reproducible. */
    private static MimeMessage alternative(String from, String to, String subject, String id, String text,
            String html) throws MessagingException {
        MimeMessage message = headed(from, to, subject, id);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeMultipart parts = new MimeMultipart("alternative") {
            {
                contentType = "multipart/alternative; boundary=\"=_parley_lesson_\"";
            }
        };
        parts.addBodyPart(plain);
        parts.addBodyPart(rich);
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    private static MimeMessage headed(String from, String to, String subject, String id) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setSentDate(LESSON_DAY);
        return message;
    }
}

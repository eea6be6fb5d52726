package dev.parley.library;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lesson's SMTP exchange (RFC 5321) through Jakarta Mail: compose a message (with an
 * attachment, a multipart/mixed of RFC 2046 §5.1.3, when asked) and send it with
 * {@link Transport#send}. The library writes the MIME headers, encodes a non-ASCII subject
 * (RFC 2047) and dot-stuffs the text (§4.5.2) itself.
 */
final class SmtpCalls {

    private SmtpCalls() {
    }

    static Snippets.Code code(MailCall call) {
        Args args = call.args();
        boolean attach = !args.get("attachmentName").isBlank();
        String java = "MimeMessage message = new MimeMessage(session);\n"
                + "message.setFrom(" + Snippets.quote(args.get("from")) + ");\n"
                + "message.setRecipients(Message.RecipientType.TO, " + Snippets.quote(args.get("to")) + ");\n"
                + "message.setSubject(" + Snippets.quote(args.get("subject")) + ", \"UTF-8\");\n"
                + (attach
                        ? "MimeBodyPart text = new MimeBodyPart();\n"
                                + "text.setText(" + Snippets.quote(args.get("text")) + ", \"UTF-8\");\n"
                                + "MimeBodyPart file = new MimeBodyPart();\n"
                                + "file.setText(" + Snippets.quote(args.get("attachmentText")) + ", \"UTF-8\");\n"
                                + "file.setFileName(" + Snippets.quote(args.get("attachmentName")) + ");\n"
                                + "file.setDisposition(Part.ATTACHMENT);\n"
                                + "message.setContent(new MimeMultipart(text, file));\n"
                        : "message.setText(" + Snippets.quote(args.get("text")) + ", \"UTF-8\");\n")
                + (Snippets.hasUser(call)
                        ? "Transport.send(message, " + Snippets.quote(call.username()) + ", password);\n"
                        : "Transport.send(message);\n");
        String python = "msg = EmailMessage()\n"
                + "msg['From'] = " + Snippets.py(args.get("from")) + "\n"
                + "msg['To'] = " + Snippets.py(args.get("to")) + "\n"
                + "msg['Subject'] = " + Snippets.py(args.get("subject")) + "\n"
                + "msg.set_content(" + Snippets.py(args.get("text")) + ")\n"
                + (attach ? "msg.add_attachment(" + Snippets.py(args.get("attachmentText")) + ", filename="
                        + Snippets.py(args.get("attachmentName")) + ")\n" : "")
                + "with @CONNECT@ as conn:\n"
                + "    conn.set_debuglevel(1)   # prints the conversation\n"
                + "@LOGIN@"
                + "    conn.send_message(msg)\n";
        return new Snippets.Code(Snippets.java(call, java), Snippets.python(call, python));
    }

    static Object run(MailCall call) throws MessagingException, LibraryCallException {
        Args args = call.args();
        Session session = call.session();
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress(args.get("from"), true));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(args.get("to"), true));
        } catch (AddressException e) {
            throw new LibraryCallException(LibraryCallException.Kind.BAD_REQUEST,
                    "“" + e.getRef() + "” is not an email address: " + e.getMessage() + ".");
        }
        message.setSubject(args.get("subject"), "UTF-8");
        if (args.get("attachmentName").isBlank()) {
            message.setText(args.get("text"), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(args.get("text"), "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setText(args.get("attachmentText"), "UTF-8");
            file.setFileName(args.get("attachmentName"));
            file.setDisposition(jakarta.mail.Part.ATTACHMENT);
            message.setContent(new MimeMultipart(text, file));
        }
        message.saveChanges();
        if (Snippets.hasUser(call)) {
            Transport.send(message, call.username(), call.password());
        } else {
            Transport.send(message);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sent", true);
        result.put("messageId", message.getMessageID());
        result.put("from", args.get("from"));
        result.put("to", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
        result.put("subject", args.get("subject"));
        result.put("octets", message.getSize() < 0 ? null : message.getSize());
        result.put("subjectOnTheWire", message.getHeader("Subject", null));
        return result;
    }
}

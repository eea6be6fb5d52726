package dev.parley.protocol.smtp;

import dev.parley.protocol.Status;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * SMTP reply codes and what they mean (RFC 5321 §4.2.2, §4.2.3; RFC 3207, RFC 4954 for the TLS and
 * AUTH codes). The set is open: a code missing from the table is explained by its first digit
 * (RFC 5321 §4.2.1), so any three digits get a meaning.
 */
public final class SmtpReplies {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("211", "System status, or system help reply."),
            Map.entry("214", "Help message, meant for a human reader."),
            Map.entry("220", "Service ready."),
            Map.entry("221", "Service closing transmission channel: the server ends the session and closes the connection."),
            Map.entry("235", "Authentication succeeded."),
            Map.entry("250", "Requested mail action okay, completed."),
            Map.entry("251", "User not local; the server will forward the message."),
            Map.entry("252", "Cannot verify the user, but the server will accept the message and attempt delivery."),
            Map.entry("334", "AUTH challenge: the server waits for a base64-encoded response line."),
            Map.entry("354", "Start mail input; end with <CRLF>.<CRLF>."),
            Map.entry("421", "Service not available, closing transmission channel."),
            Map.entry("450", "Mailbox unavailable for now (busy or temporarily blocked); try again later."),
            Map.entry("451", "Requested action aborted: local error in processing; try again later."),
            Map.entry("452", "Insufficient system storage (or too many recipients for now); try again later."),
            Map.entry("454", "Temporary failure: TLS is not available now, or authentication failed for a temporary reason."),
            Map.entry("455", "The server cannot accommodate these parameters now."),
            Map.entry("500", "Syntax error, command unrecognized (or the line was too long)."),
            Map.entry("501", "Syntax error in parameters or arguments."),
            Map.entry("502", "Command not implemented."),
            Map.entry("503", "Bad sequence of commands: this command is not allowed at this point."),
            Map.entry("504", "Command parameter not implemented."),
            Map.entry("521", "This host does not accept mail at all."),
            Map.entry("530", "Authentication required (or, for some servers, STARTTLS first)."),
            Map.entry("534", "The authentication mechanism is too weak."),
            Map.entry("535", "Authentication credentials invalid."),
            Map.entry("538", "Encryption required for the requested authentication mechanism."),
            Map.entry("550", "Requested action not taken: mailbox unavailable (not found, no access, or refused by policy)."),
            Map.entry("551", "User not local; the reply says where to send instead."),
            Map.entry("552", "Requested mail action aborted: exceeded storage allocation."),
            Map.entry("553", "Requested action not taken: mailbox name not allowed (bad syntax)."),
            Map.entry("554", "Transaction failed (or, as a greeting, no SMTP service here)."),
            Map.entry("555", "MAIL FROM or RCPT TO parameters not recognized or not implemented."));

    private static final Map<String, String> REFERENCES = Map.of(
            "235", "RFC 4954 §6", "334", "RFC 4954 §4", "454", "RFC 3207 §4, RFC 4954 §6",
            "530", "RFC 4954 §6", "534", "RFC 4954 §6", "535", "RFC 4954 §6", "538", "RFC 4954 §6");

    private SmtpReplies() {
    }

    /** The meaning of a three-digit reply code, from the table or, for unknown codes, from its first digit. */
    public static String meaning(String code) {
        String known = CODES.get(code);
        if (known != null) {
            return known;
        }
        return switch (code.charAt(0)) {
            case '2' -> "Positive completion: a code this page does not know, but 2yz means the action succeeded.";
            case '3' -> "Positive intermediate: a code this page does not know, but 3yz means the server waits for more.";
            case '4' -> "Transient negative completion: a code this page does not know, but 4yz means failed for now; try again later.";
            case '5' -> "Permanent negative completion: a code this page does not know, but 5yz means failed; do not repeat as is.";
            default -> "Not a reply code SMTP defines: the first digit must be 2, 3, 4 or 5.";
        };
    }

    /** The outcome a reply code stands for: 2yz OK, 3yz CONTINUE, everything else ERROR (RFC 5321 §4.2.1). */
    public static Status status(String code) {
        return switch (code.charAt(0)) {
            case '2' -> Status.OK;
            case '3' -> Status.CONTINUE;
            default -> Status.ERROR;
        };
    }

    static String reference(String code) {
        return REFERENCES.getOrDefault(code, "RFC 5321 §4.2");
    }

    /**
     * What one well-formed reply line means in context: the code's meaning, adjusted for the command
     * it answers, then the enhanced status code (RFC 3463) when the text starts with one. The lines
     * after the first of an EHLO reply name extensions and are explained as such.
     */
    static Meaning explain(String code, String text, SmtpAnswering answering, boolean firstLine) {
        if (answering == SmtpAnswering.EHLO && !firstLine && code.equals("250")) {
            return SmtpExtensions.explain(text);
        }
        Meaning base = inContext(code, text, answering);
        String enhanced = EnhancedStatusCodes.explain(text).map(s -> " " + s).orElse("");
        return new Meaning(base.text() + enhanced, base.reference());
    }

    private static Meaning inContext(String code, String text, SmtpAnswering answering) {
        String plain = meaning(code);
        return switch (answering) {
            case GREETING -> switch (code) {
                case "220" -> new Meaning("Service ready: the server greets you. Introduce yourself with EHLO (or the older HELO).", "RFC 5321 §4.3.1");
                case "554" -> new Meaning("No SMTP service here: the server refuses this session and will only accept QUIT.", "RFC 5321 §3.1");
                default -> new Meaning(plain, reference(code));
            };
            case EHLO -> code.equals("250")
                    ? new Meaning("The server accepts EHLO and greets you; the lines after the first name the extensions it supports.", "RFC 5321 §4.1.1.1")
                    : new Meaning(plain, reference(code));
            case STARTTLS -> code.equals("220")
                    ? new Meaning("Ready to start TLS: the handshake begins now on this connection. Afterwards the SMTP session starts over:"
                            + " the server forgets everything said before, so send EHLO again.", "RFC 3207 §4.2")
                    : new Meaning(plain + " The server refused STARTTLS; the connection stays in plaintext.", "RFC 3207 §4");
            case DATA -> code.equals("354")
                    ? new Meaning("Start mail input: send the headers, a blank line and the body; a line with only '.' ends it."
                            + " Lines you type now are sent as message text, dot-stuffed.", "RFC 5321 §4.1.1.4")
                    : new Meaning(plain, reference(code));
            case MESSAGE_END -> code.startsWith("2")
                    ? new Meaning("The message was accepted: the server now takes responsibility for delivering it.", "RFC 5321 §4.1.1.4")
                    : new Meaning(plain, reference(code));
            case AUTH, AUTH_RESPONSE -> code.equals("334")
                    ? new Meaning(plain + challenge(text) + " Answer with one base64 line, or '*' to cancel.", "RFC 4954 §4")
                    : new Meaning(plain, reference(code));
            case QUIT -> code.equals("221")
                    ? new Meaning("Goodbye: the server closes the connection.", "RFC 5321 §4.1.1.10")
                    : new Meaning(plain, reference(code));
            default -> new Meaning(plain, reference(code));
        };
    }

    /** A 334 challenge is base64 (RFC 4954 §4); showing its decoded text ("Username:") helps a learner. */
    private static String challenge(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return " The challenge is empty.";
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(trimmed);
            String s = new String(decoded, StandardCharsets.UTF_8);
            if (s.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd)) {
                return " The challenge decodes to \u201c" + s + "\u201d.";
            }
            return " The challenge is " + decoded.length + " octets of binary data.";
        } catch (IllegalArgumentException notBase64) {
            return " The challenge text is not valid base64.";
        }
    }
}

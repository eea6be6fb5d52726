package dev.parley.protocol.smtp;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enhanced mail system status codes (RFC 3463; RFC 2034 lets SMTP replies carry them): the
 * {@code class.subject.detail} triple that some servers put right after the reply code, such as
 * {@code 550 5.1.1 No such user}. Class says success or failure, subject the area, detail the case.
 */
final class EnhancedStatusCodes {

    /** RFC 3463 §2: class 2, 4 or 5, then subject and detail of one to three digits each. */
    private static final Pattern CODE = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?=\\s|$)");

    private static final Map<String, String> CLASSES = Map.of(
            "2", "success",
            "4", "persistent transient failure (trying again later may work)",
            "5", "permanent failure (trying again will not help)");

    /** RFC 3463 §3: the subject sub-codes. */
    private static final Map<String, String> SUBJECTS = Map.of(
            "0", "other or undefined status",
            "1", "addressing status",
            "2", "mailbox status",
            "3", "mail system status",
            "4", "network and routing status",
            "5", "mail delivery protocol status",
            "6", "message content or media status",
            "7", "security or policy status");

    /** RFC 3463 §3.1-3.8, plus RFC 4954 §6 for the authentication details. */
    private static final Map<String, String> DETAILS = Map.ofEntries(
            Map.entry("0.0", "other undefined status"),
            Map.entry("1.0", "other address status"),
            Map.entry("1.1", "bad destination mailbox address"),
            Map.entry("1.2", "bad destination system address"),
            Map.entry("1.3", "bad destination mailbox address syntax"),
            Map.entry("1.4", "destination mailbox address ambiguous"),
            Map.entry("1.5", "destination address valid"),
            Map.entry("1.6", "destination mailbox has moved, no forwarding address"),
            Map.entry("1.7", "bad sender's mailbox address syntax"),
            Map.entry("1.8", "bad sender's system address"),
            Map.entry("2.0", "other or undefined mailbox status"),
            Map.entry("2.1", "mailbox disabled, not accepting messages"),
            Map.entry("2.2", "mailbox full"),
            Map.entry("2.3", "message length exceeds administrative limit"),
            Map.entry("2.4", "mailing list expansion problem"),
            Map.entry("3.0", "other or undefined mail system status"),
            Map.entry("3.1", "mail system full"),
            Map.entry("3.2", "system not accepting network messages"),
            Map.entry("3.3", "system not capable of selected features"),
            Map.entry("3.4", "message too big for system"),
            Map.entry("3.5", "system incorrectly configured"),
            Map.entry("4.0", "other or undefined network or routing status"),
            Map.entry("4.1", "no answer from host"),
            Map.entry("4.2", "bad connection"),
            Map.entry("4.3", "directory server failure"),
            Map.entry("4.4", "unable to route"),
            Map.entry("4.5", "mail system congestion"),
            Map.entry("4.6", "routing loop detected"),
            Map.entry("4.7", "delivery time expired"),
            Map.entry("5.0", "other or undefined protocol status"),
            Map.entry("5.1", "invalid command"),
            Map.entry("5.2", "syntax error"),
            Map.entry("5.3", "too many recipients"),
            Map.entry("5.4", "invalid command arguments"),
            Map.entry("5.5", "wrong protocol version"),
            Map.entry("6.0", "other or undefined media error"),
            Map.entry("6.1", "media not supported"),
            Map.entry("6.2", "conversion required and prohibited"),
            Map.entry("6.3", "conversion required but not supported"),
            Map.entry("6.4", "conversion with loss performed"),
            Map.entry("6.5", "conversion failed"),
            Map.entry("7.0", "other or undefined security status"),
            Map.entry("7.1", "delivery not authorized, message refused"),
            Map.entry("7.2", "mailing list expansion prohibited"),
            Map.entry("7.3", "security conversion required but not possible"),
            Map.entry("7.4", "security features not supported"),
            Map.entry("7.5", "cryptographic failure"),
            Map.entry("7.6", "cryptographic algorithm not supported"),
            Map.entry("7.7", "message integrity failure"),
            Map.entry("7.8", "authentication credentials invalid"),
            Map.entry("7.9", "authentication mechanism is too weak"),
            Map.entry("7.11", "encryption required for the requested authentication mechanism"));

    private EnhancedStatusCodes() {
    }

    /**
     * The meaning of the enhanced status code that starts {@code text} (the reply text after the
     * reply code), as a sentence; empty when the text does not start with one.
     */
    static Optional<String> explain(String text) {
        // Most reply texts start with no code at all: skip the regex for them (it ran on every line).
        if (text.length() < 5 || text.charAt(1) != '.' || "245".indexOf(text.charAt(0)) < 0) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String subject = m.group(2);
        String detail = DETAILS.getOrDefault(subject + "." + m.group(3),
                "detail " + m.group(3) + ", which RFC 3463 does not define");
        return Optional.of("Enhanced status " + m.group() + ": " + CLASSES.get(m.group(1)) + "; "
                + SUBJECTS.getOrDefault(subject, "subject " + subject + ", which RFC 3463 does not define")
                + "; " + detail + " (RFC 3463).");
    }
}

package dev.parley.protocol.smtp;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The service extensions a server lists in its EHLO reply, one keyword per line after the first
 * (RFC 5321 §4.1.1.1, §2.2.2), with what each one lets the client do.
 */
final class SmtpExtensions {

    private record Extension(String meaning, String reference) {
    }

    private static final Map<String, Extension> KNOWN = Map.ofEntries(
            Map.entry("8BITMIME", new Extension("the server accepts message bodies with 8-bit characters (MAIL FROM:<…> BODY=8BITMIME).", "RFC 6152")),
            Map.entry("SIZE", new Extension("the server announces the largest message it accepts; a client may declare a size with MAIL FROM:<…> SIZE=n.", "RFC 1870")),
            Map.entry("STARTTLS", new Extension("the server can switch this connection to TLS: send STARTTLS.", "RFC 3207")),
            Map.entry("AUTH", new Extension("the server accepts AUTH with the SASL mechanisms listed.", "RFC 4954")),
            Map.entry("PIPELINING", new Extension("the client may send several commands without waiting for each reply.", "RFC 2920")),
            Map.entry("DSN", new Extension("delivery status notifications: the client may ask for success or failure reports (NOTIFY=, RET=).", "RFC 3461")),
            Map.entry("HELP", new Extension("the server answers the HELP command.", "RFC 5321 §4.1.1.8")),
            Map.entry("ENHANCEDSTATUSCODES", new Extension("replies carry an enhanced status code such as 2.1.0 after the reply code.", "RFC 2034")),
            Map.entry("CHUNKING", new Extension("the client may send the message in BDAT chunks of counted octets instead of DATA.", "RFC 3030")),
            Map.entry("BINARYMIME", new Extension("the server accepts binary message bodies (with BDAT).", "RFC 3030")),
            Map.entry("SMTPUTF8", new Extension("the server accepts UTF-8 in addresses and headers.", "RFC 6531")),
            Map.entry("VRFY", new Extension("the server answers VRFY, which checks a mailbox name.", "RFC 5321 §3.5")),
            Map.entry("EXPN", new Extension("the server answers EXPN, which expands a mailing list.", "RFC 5321 §3.5")),
            Map.entry("ETRN", new Extension("the client may ask the server to send mail queued for a domain.", "RFC 1985")),
            Map.entry("DELIVERBY", new Extension("the client may ask for delivery within a time limit.", "RFC 2852")),
            Map.entry("REQUIRETLS", new Extension("the client may require TLS on every hop of the message's delivery.", "RFC 8689")),
            Map.entry("MT-PRIORITY", new Extension("the client may give the message a transfer priority.", "RFC 6710")),
            Map.entry("FUTURERELEASE", new Extension("the client may ask the server to hold the message until a later time.", "RFC 4865")),
            Map.entry("NO-SOLICITING", new Extension("the server says it does not want solicitations.", "RFC 3865")));

    private SmtpExtensions() {
    }

    /** Meaning and reference for one EHLO keyword line's text (such as {@code AUTH PLAIN LOGIN}). */
    static Meaning explain(String text) {
        String trimmed = text.strip();
        int space = trimmed.indexOf(' ');
        String keyword = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
        String params = space < 0 ? "" : trimmed.substring(space + 1).strip();
        if (keyword.startsWith("AUTH=")) {
            // Old servers repeat the AUTH line as AUTH=LOGIN for clients that predate RFC 2554.
            return new Meaning("Extension AUTH, in the pre-standard AUTH= form some old clients need.", "RFC 4954");
        }
        Extension ext = KNOWN.get(keyword);
        if (ext == null) {
            String what = keyword.startsWith("X") ? "a private extension (keywords starting with X are not standardised)"
                    : "an extension this page does not know";
            return new Meaning("Extension " + keyword + ": " + what + "; listed as the server sent it.", "RFC 5321 §4.1.1.1");
        }
        String detail = "";
        if (keyword.equals("SIZE") && !params.isEmpty()) {
            detail = params.chars().allMatch(c -> c >= '0' && c <= '9') && params.length() < 19
                    ? " Here: at most " + NumberFormat.getIntegerInstance(Locale.ROOT).format(Long.parseLong(params)) + " octets"
                            + (params.equals("0") ? " (0 means no fixed limit)." : ".")
                    : " Here: " + params + ".";
        } else if (keyword.equals("AUTH") && !params.isEmpty()) {
            detail = " Mechanisms: " + String.join(", ", params.split("\\s+")) + ".";
        }
        return new Meaning("Extension " + keyword + ": " + ext.meaning() + detail, ext.reference());
    }
}

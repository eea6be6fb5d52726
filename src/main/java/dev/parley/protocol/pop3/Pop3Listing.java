package dev.parley.protocol.pop3;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.ShownBudget;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One multi-line answer being read (RFC 1939 §3): the lines after {@code +OK} up to the lone
 * {@code .}. It explains each line by the command that asked for it and counts the answer's
 * octets; which lines are shown is the {@link ShownBudget}'s rule, as for every protocol.
 */
final class Pop3Listing {

    private static final String STUFFING = "Dot-stuffed: the server added the first '.' because the line begins with"
            + " '.' (RFC 1939 §3); the line really starts with a single '.'. ";

    private static final Map<String, String> CAPABILITIES = Map.ofEntries(
            Map.entry("TOP", "the server supports TOP (RFC 2449 §6.1)."),
            Map.entry("USER", "the server accepts USER and PASS logins (RFC 2449 §6.2)."),
            Map.entry("SASL", "the server supports AUTH with the SASL mechanisms listed (RFC 2449 §6.3, RFC 5034)."),
            Map.entry("RESP-CODES", "answers may carry response codes in brackets such as [IN-USE] (RFC 2449 §6.4)."),
            Map.entry("LOGIN-DELAY", "the minimum number of seconds between logins (RFC 2449 §6.5)."),
            Map.entry("PIPELINING", "the client may send several commands without waiting for each answer (RFC 2449 §6.6)."),
            Map.entry("EXPIRE", "how many days the server keeps messages; NEVER means it does not delete them (RFC 2449 §6.7)."),
            Map.entry("UIDL", "the server supports UIDL (RFC 2449 §6.8)."),
            Map.entry("IMPLEMENTATION", "the server software's name, for information only (RFC 2449 §6.9)."),
            Map.entry("STLS", "the server can switch this connection to TLS: send STLS (RFC 2595 §4)."),
            Map.entry("AUTH-RESP-CODE", "-ERR answers to login commands carry [AUTH] or [SYS/…] codes (RFC 3206 §6)."),
            Map.entry("UTF8", "the server supports the UTF8 command (RFC 6856 §2)."),
            Map.entry("LANG", "the server supports the LANG command (RFC 6856 §3)."));

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String verb;
    private final ShownBudget shown;
    private long octets;
    private boolean inBody;

    Pop3Listing(String verb, FramingLimits limits) {
        this.verb = verb;
        this.shown = new ShownBudget(limits);
    }

    /** Counts a line of {@code lineOctets} (terminator included); returns the answer's size so far. */
    long count(int lineOctets) {
        octets += lineOctets;
        return octets;
    }

    /** True when this data line is shown; false when it falls past the display limit (it is counted as hidden). */
    boolean show(int lineOctets) {
        return shown.admit(lineOctets);
    }

    /** The answer ended: a word on the lines that were not shown, if any. */
    Optional<DialectEvent.Notice> end() {
        return shown.end("line of this answer", "lines of this answer");
    }

    /** The annotation of one line inside the answer (not the terminating {@code .}). */
    Annotation annotate(String line) {
        if (line.startsWith("..")) {
            return Annotation.data(STUFFING + describe(line.substring(1)), "RFC 1939 §3");
        }
        if (line.startsWith(".")) {
            return Annotation.malformed("A line inside a multi-line answer that begins with '.' must have a second '.' added"
                    + " (RFC 1939 §3); this one does not. Parley shows it as data and keeps reading until a line with only '.'.",
                    "RFC 1939 §3");
        }
        return Annotation.data(describe(line), reference());
    }

    static Annotation terminator() {
        return new Annotation(Annotation.DATA, null, null, "A line with only '.': the end of the multi-line answer (CRLF.CRLF).",
                true, "RFC 1939 §3");
    }

    private String describe(String line) {
        return switch (verb) {
            case "LIST" -> {
                String[] words = words(line);
                yield words.length == 2 && isNumber(words[0]) ? size(words[0], words[1]) : "A line of the scan listing.";
            }
            case "UIDL" -> {
                String[] words = words(line);
                yield words.length == 2 && isNumber(words[0])
                        ? "Message " + words[0] + " has the unique id " + words[1] + "." : "A line of the unique-id listing.";
            }
            case "CAPA" -> capability(words(line)[0]);
            case "AUTH" -> "A SASL mechanism the server offers: " + words(line)[0] + ".";
            // A message's lines (the bulk of POP3 traffic) need no splitting into words.
            case "RETR", "TOP" -> messageLine(line);
            default -> "A line of the multi-line answer.";
        };
    }

    /** The line's first word and the rest; split only for the listings that need it (a regex per line is costly). */
    private static String[] words(String line) {
        return WHITESPACE.split(line.strip(), 2);
    }

    /** RFC 1939 §5: the exact size of the message in octets, as stored (before byte-stuffing). */
    private static String size(String number, String octets) {
        if (!isNumber(octets)) {
            return "Message " + number + ": the server gives " + octets + " as its size, which is no size at all (RFC "
                    + "1939 §5 asks for the number of octets); the server could not measure this message.";
        }
        return "Message " + number + " is " + octets + " octets, the size of what RETR " + number + " sends. The count "
                + "leaves out the '.' added to lines that begin with one (byte-stuffing) and the closing CRLF.CRLF.";
    }

    private String messageLine(String line) {
        if (inBody) {
            return "A line of the message body.";
        }
        if (line.isEmpty()) {
            inBody = true;
            return "The empty line that separates the message's headers from its body (RFC 5322 §2.1).";
        }
        return line.startsWith(" ") || line.startsWith("\t") ? "A header continued (folded) from the line before."
                : "A header line of the message.";
    }

    private static String capability(String word) {
        String meaning = CAPABILITIES.get(word.toUpperCase(Locale.ROOT));
        return "Capability " + word + ": " + (meaning != null ? meaning : "one this page does not know.");
    }

    private String reference() {
        return switch (verb) {
            case "LIST", "RETR" -> "RFC 1939 §5";
            case "UIDL", "TOP" -> "RFC 1939 §7";
            case "CAPA" -> "RFC 2449 §5";
            case "AUTH" -> "RFC 5034 §4";
            default -> "RFC 1939 §3";
        };
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}

package dev.parley.protocol.pop3;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.Status;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POP3 status lines ({@code +OK}, {@code -ERR}, RFC 1939 §3; the SASL continuation {@code +},
 * RFC 5034 §4) and the response codes in brackets after them (RFC 2449 §8, RFC 3206, RFC 6856).
 *
 * <p>A status line that is neither is malformed. The dialect ends the answer there with
 * {@link Status#ERROR}, even after a command whose answer would have been multi-line: without a
 * {@code +OK} nothing says that a listing follows.
 */
public final class Pop3Replies {

    /** How a status line turned out, with its annotation. */
    record StatusLine(Status status, Annotation annotation) {
    }

    private static final String STATUS_REF = "RFC 1939 §3";
    private static final Pattern RESPONSE_CODE = Pattern.compile("^\\[([^\\]\\s]+)[^\\]]*\\]");
    private static final Pattern STAT = Pattern.compile("^(\\d+) (\\d+)\\b.*");

    private static final Map<String, String> RESPONSE_CODES = Map.of(
            "IN-USE", "[IN-USE]: the maildrop is already locked by another session; try again once it ends (RFC 2449 §8.1.1).",
            "LOGIN-DELAY", "[LOGIN-DELAY]: you logged in too recently; wait before logging in again (RFC 2449 §8.1.2).",
            "SYS/TEMP", "[SYS/TEMP]: a temporary system problem, not your fault; trying later may work (RFC 3206 §4).",
            "SYS/PERM", "[SYS/PERM]: a permanent system problem, not your credentials; trying again will not help (RFC 3206 §4).",
            "AUTH", "[AUTH]: the credentials (user name, password) were wrong (RFC 3206 §5).",
            "UTF8", "[UTF8]: the mailbox needs UTF-8 support; send UTF8 first (RFC 6856 §2).");

    private Pop3Replies() {
    }

    /** The meaning of a bracketed response code such as {@code IN-USE} or {@code SYS/TEMP}. */
    public static String responseCode(String code) {
        String known = RESPONSE_CODES.get(code.toUpperCase(Locale.ROOT));
        return known != null ? known : "[" + code + "]: a response code this page does not know (RFC 2449 §8).";
    }

    /** Reads one line where a status line is expected, for the command {@code pending} (null if none waits). */
    static StatusLine parse(String line, Pop3Pending pending) {
        boolean sasl = pending != null && pending.role() == Pop3Pending.Role.SASL;
        if (line.equals("+") || line.startsWith("+ ")) {
            if (sasl) {
                return new StatusLine(Status.CONTINUE, Annotation.reply("+", "SASL challenge: the server waits for a base64 response line"
                        + " (or '*' to cancel).", true, "RFC 5034 §4"));
            }
            return malformed("A '+' continuation only answers AUTH (RFC 5034 §4); no AUTH exchange is in progress."
                    + " Parley ends the answer here and counts it as an error.");
        }
        String indicator = line.startsWith("+OK") ? "+OK" : line.startsWith("-ERR") ? "-ERR" : null;
        if (indicator == null) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("+OK") || upper.startsWith("-ERR")) {
                return malformed("The status indicator must be written in upper case, +OK or -ERR (RFC 1939 §3)."
                        + " Parley ends the answer here and counts it as an error.");
            }
            return malformed("A POP3 answer starts with +OK or -ERR (RFC 1939 §3); this line starts with neither."
                    + " Parley ends the answer here and counts it as an error.");
        }
        if (line.length() > indicator.length() && line.charAt(indicator.length()) != ' ') {
            return malformed("After " + indicator + " comes a space or the end of the line (RFC 1939 §3); here the text is glued to it."
                    + " Parley ends the answer here and counts it as an error.");
        }
        boolean ok = indicator.equals("+OK");
        String text = line.length() > indicator.length() + 1 ? line.substring(indicator.length() + 1) : "";
        boolean last = !(ok && pending != null && pending.multiLine());
        String meaning = (ok ? okMeaning(text, pending) : errMeaning(pending)) + codeMeaning(text);
        return new StatusLine(ok ? Status.OK : Status.ERROR, Annotation.reply(indicator, meaning, last, reference(pending)));
    }

    private static StatusLine malformed(String meaning) {
        return new StatusLine(Status.ERROR, new Annotation(Annotation.MALFORMED, null, null, meaning, true, STATUS_REF));
    }

    private static String codeMeaning(String text) {
        Matcher m = RESPONSE_CODE.matcher(text);
        return m.find() ? " " + responseCode(m.group(1)) : "";
    }

    private static String okMeaning(String text, Pop3Pending pending) {
        String verb = pending == null ? "" : pending.verb();
        return switch (verb) {
            case "GREETING" -> "The POP3 server is ready (AUTHORIZATION state): log in with USER and PASS, APOP or AUTH."
                    + (text.matches(".*<[^<>]*@[^<>]*>.*") ? " The <…> part is the timestamp APOP digests with the secret." : "");
            case "USER" -> "The server knows this mailbox name (or will not tell yet); send PASS next.";
            case "PASS", "APOP" -> "Logged in: the server locked the maildrop; the session is now in the TRANSACTION state.";
            case "STAT" -> {
                Matcher m = STAT.matcher(text);
                yield m.matches() ? "The maildrop holds " + m.group(1) + " message" + (m.group(1).equals("1") ? "" : "s") + ", "
                        + m.group(2) + " octets in all." : "The maildrop's message count and total size.";
            }
            case "LIST" -> pending.multiLine()
                    ? "A scan listing follows: one line 'message-number size-in-octets' per message, then a line with only '.'."
                    : "The scan listing for that message: its number and size in octets.";
            case "UIDL" -> pending.multiLine()
                    ? "A unique-id listing follows: one line 'message-number unique-id' per message, then a line with only '.'."
                    : "That message's number and unique id, which stays the same across sessions.";
            case "RETR" -> "The message follows, line by line, ending with a line holding only '.'.";
            case "TOP" -> "The message's headers, a blank line and the requested body lines follow, ending with '.'.";
            case "CAPA" -> "The capability list follows, one per line, ending with '.'.";
            case "AUTH" -> pending.multiLine() ? "The SASL mechanisms follow, one per line, ending with '.'."
                    : "Authenticated: the session is now in the TRANSACTION state.";
            case "AUTH-RESPONSE" -> "Authenticated: the session is now in the TRANSACTION state.";
            case "DELE" -> "The message is marked as deleted; it is removed when QUIT ends the session.";
            case "RSET" -> "Every message marked as deleted is unmarked.";
            case "STLS" -> "Go ahead with TLS: the handshake begins now on this connection. Afterwards the session is still in"
                    + " AUTHORIZATION state; send CAPA again, as capabilities may change.";
            case "QUIT" -> "Goodbye: the server ends the session (deleting messages marked with DELE) and closes the connection.";
            case "" -> "A positive answer, although no command was waiting for one.";
            default -> "Positive answer: the command succeeded.";
        };
    }

    private static String errMeaning(Pop3Pending pending) {
        String verb = pending == null ? "" : pending.verb();
        return switch (verb) {
            case "GREETING" -> "The server refuses this session; the text says why.";
            case "PASS", "APOP", "AUTH", "AUTH-RESPONSE" -> "Login failed; the session stays in the AUTHORIZATION state.";
            case "STLS" -> "The server refused STLS; the connection stays in plaintext.";
            case "" -> "A negative answer, although no command was waiting for one.";
            default -> "Negative answer: the command failed; the text says why.";
        };
    }

    private static String reference(Pop3Pending pending) {
        String verb = pending == null ? "" : pending.verb();
        return switch (verb) {
            case "GREETING" -> "RFC 1939 §4";
            case "USER", "PASS", "APOP", "TOP", "UIDL" -> "RFC 1939 §7";
            case "STAT", "LIST", "RETR", "DELE", "RSET", "NOOP" -> "RFC 1939 §5";
            case "QUIT" -> "RFC 1939 §6";
            case "CAPA" -> "RFC 2449 §5";
            case "STLS" -> "RFC 2595 §4";
            case "AUTH", "AUTH-RESPONSE" -> "RFC 5034 §4";
            default -> STATUS_REF;
        };
    }
}

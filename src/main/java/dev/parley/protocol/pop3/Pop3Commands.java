package dev.parley.protocol.pop3;

import dev.parley.protocol.Verbs;
import java.util.Locale;

/**
 * POP3 command verbs and what they do (RFC 1939; CAPA from RFC 2449, STLS from RFC 2595, AUTH from
 * RFC 5034, UTF8 from RFC 6856). The set is open: an unknown verb gets a generic meaning and is
 * still sent as typed.
 */
public final class Pop3Commands {

    private static final Verbs VERBS = Verbs.of(
            "An empty line: not a command; the server will most likely answer -ERR.",
            Verbs.verb("USER", "Names the mailbox to log in to; PASS with the password follows.", "RFC 1939 §7"),
            Verbs.verb("PASS", "Gives the password for the mailbox named by USER; on success the server locks the maildrop.", "RFC 1939 §7"),
            Verbs.verb("APOP", "Logs in without sending the password: the name and an MD5 digest of the greeting's timestamp plus the shared secret.", "RFC 1939 §7"),
            Verbs.verb("STAT", "Asks how many messages the maildrop holds and their total size in octets.", "RFC 1939 §5"),
            Verbs.verb("LIST", "Without an argument: lists every message's number and size, ending with '.'. With a number: that message only, on one line.", "RFC 1939 §5"),
            Verbs.verb("RETR", "Retrieves a whole message; the server sends it line by line, ending with '.'.", "RFC 1939 §5"),
            Verbs.verb("DELE", "Marks a message as deleted; it is removed only when QUIT ends the session.", "RFC 1939 §5"),
            Verbs.verb("NOOP", "Does nothing; the server just answers +OK.", "RFC 1939 §5"),
            Verbs.verb("RSET", "Unmarks every message marked as deleted in this session.", "RFC 1939 §5"),
            Verbs.verb("QUIT", "Ends the session; after login, messages marked with DELE are deleted now (UPDATE state).", "RFC 1939 §6"),
            Verbs.verb("TOP", "TOP msg n: the message's headers, a blank line and its first n body lines, ending with '.'.", "RFC 1939 §7"),
            Verbs.verb("UIDL", "Without an argument: lists every message's number and unique id, ending with '.'. With a number: that message only.", "RFC 1939 §7"),
            Verbs.verb("CAPA", "Asks the server to list its capabilities, one per line, ending with '.'.", "RFC 2449 §5"),
            Verbs.verb("STLS", "Asks to switch this connection to TLS; after +OK the TLS handshake starts.", "RFC 2595 §4"),
            Verbs.verb("AUTH", "Starts SASL authentication with a mechanism; '+' challenges follow until +OK or -ERR.", "RFC 5034 §4"),
            Verbs.verb("UTF8", "Asks the server to use UTF-8 in user names, passwords and messages.", "RFC 6856 §2"),
            Verbs.verb("LANG", "Lists or chooses the language of the server's human-readable texts.", "RFC 6856 §3"));

    private Pop3Commands() {
    }

    /** The verb of a typed line: its first word, upper-cased (verbs are case-insensitive). */
    public static String verbOf(String line) {
        return Verbs.verbOf(line);
    }

    /** The command for a verb; unknown verbs get a generic meaning and no reference. */
    public static Verbs.Command lookup(String verb) {
        return VERBS.lookup(verb);
    }

    /**
     * True when a {@code +OK} answer to this command is multi-line, ending with a lone {@code .}:
     * RETR, TOP, CAPA, and LIST, UIDL and AUTH without an argument (RFC 1939 §5, §7; RFC 2449 §5).
     */
    public static boolean answerIsMultiLine(String verb, boolean hasArgument) {
        return switch (verb.toUpperCase(Locale.ROOT)) {
            case "RETR", "TOP", "CAPA" -> true;
            case "LIST", "UIDL", "AUTH" -> !hasArgument;
            default -> false;
        };
    }

    /** What the dialect waits for after writing this line. */
    static Pop3Pending pending(String line) {
        String verb = verbOf(line);
        // The stripped line has an argument exactly when a space separates the verb from more text.
        boolean hasArgument = line.strip().indexOf(' ') >= 0;
        Pop3Pending.Role role = switch (verb) {
            case "STLS" -> Pop3Pending.Role.STLS;
            case "AUTH" -> hasArgument ? Pop3Pending.Role.SASL : Pop3Pending.Role.COMMAND;
            default -> Pop3Pending.Role.COMMAND;
        };
        return new Pop3Pending(verb, answerIsMultiLine(verb, hasArgument), role);
    }
}

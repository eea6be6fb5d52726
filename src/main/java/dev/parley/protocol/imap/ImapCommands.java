package dev.parley.protocol.imap;

import dev.parley.protocol.imap.ImapReplies.Explained;
import java.util.Locale;
import java.util.Map;

/**
 * The IMAP client commands and what they do (RFC 9051 §6; IMAP4rev1-only ones from RFC 3501).
 * An open set: any verb can be sent; an unknown one gets a generic meaning. The lesson's
 * {@code USER} (a POP3 habit) gets a meaning of its own, since IMAP logs in with LOGIN.
 */
public final class ImapCommands {

    private static final Map<String, Explained> KNOWN = Map.ofEntries(
            Map.entry("CAPABILITY", new Explained("Asks which capabilities the server supports.", "RFC 9051 §6.1.1")),
            Map.entry("NOOP", new Explained("Does nothing, but lets the server report news (new mail, expunges)"
                    + " and keeps the connection alive.", "RFC 9051 §6.1.2")),
            Map.entry("LOGOUT", new Explained("Ends the session: the server says * BYE, then OK, and closes.", "RFC 9051 §6.1.3")),
            Map.entry("STARTTLS", new Explained("Upgrades this connection to TLS; nothing else may be sent until the"
                    + " server answers.", "RFC 9051 §6.2.1")),
            Map.entry("AUTHENTICATE", new Explained("Logs in with a SASL mechanism (PLAIN, XOAUTH2, ...); the server"
                    + " answers + challenges and you answer each with a base64 line.", "RFC 9051 §6.2.2")),
            Map.entry("LOGIN", new Explained("Logs in with a user name and a password, in clear text (use TLS).",
                    "RFC 9051 §6.2.3")),
            Map.entry("ENABLE", new Explained("Switches on extensions that change how the server talks (UTF8=ACCEPT, ...).",
                    "RFC 9051 §6.3.1")),
            Map.entry("SELECT", new Explained("Opens a mailbox read-write; the server reports its size, flags and UIDs.",
                    "RFC 9051 §6.3.2")),
            Map.entry("EXAMINE", new Explained("Opens a mailbox read-only (like SELECT, but nothing changes).",
                    "RFC 9051 §6.3.3")),
            Map.entry("CREATE", new Explained("Creates a mailbox.", "RFC 9051 §6.3.4")),
            Map.entry("DELETE", new Explained("Deletes a mailbox.", "RFC 9051 §6.3.5")),
            Map.entry("RENAME", new Explained("Renames a mailbox.", "RFC 9051 §6.3.6")),
            Map.entry("SUBSCRIBE", new Explained("Adds a mailbox to the subscribed list.", "RFC 9051 §6.3.7")),
            Map.entry("UNSUBSCRIBE", new Explained("Removes a mailbox from the subscribed list.", "RFC 9051 §6.3.8")),
            Map.entry("LIST", new Explained("Lists mailboxes matching a reference and a pattern (\"\" * for all).",
                    "RFC 9051 §6.3.9")),
            Map.entry("LSUB", new Explained("Lists subscribed mailboxes (IMAP4rev1; IMAP4rev2 uses LIST (SUBSCRIBED)).",
                    "RFC 3501 §6.3.9")),
            Map.entry("NAMESPACE", new Explained("Asks for the personal, other users' and shared mailbox prefixes.",
                    "RFC 9051 §6.3.10")),
            Map.entry("STATUS", new Explained("Asks for a mailbox's counters (MESSAGES, UNSEEN, UIDNEXT, ...) without"
                    + " selecting it.", "RFC 9051 §6.3.11")),
            Map.entry("APPEND", new Explained("Uploads a message into a mailbox; the message is a literal {n}.",
                    "RFC 9051 §6.3.12")),
            Map.entry("IDLE", new Explained("Waits for the server to push news; type DONE to stop.",
                    "RFC 9051 §6.3.13 (RFC 2177)")),
            Map.entry("CLOSE", new Explained("Closes the mailbox, removing messages flagged \\Deleted.", "RFC 9051 §6.4.1")),
            Map.entry("UNSELECT", new Explained("Closes the mailbox without removing anything.", "RFC 9051 §6.4.2")),
            Map.entry("EXPUNGE", new Explained("Removes every message flagged \\Deleted.", "RFC 9051 §6.4.3")),
            Map.entry("SEARCH", new Explained("Finds the messages matching criteria (FROM \"cris\", UNSEEN, ...).",
                    "RFC 9051 §6.4.4")),
            Map.entry("FETCH", new Explained("Reads data of messages: FLAGS, RFC822.SIZE, BODY[HEADER], BODY[TEXT], ...;"
                    + " big parts come as {n} literals.", "RFC 9051 §6.4.5")),
            Map.entry("STORE", new Explained("Changes messages' flags (+FLAGS (\\Seen), -FLAGS (\\Deleted), ...).",
                    "RFC 9051 §6.4.6")),
            Map.entry("COPY", new Explained("Copies messages to another mailbox.", "RFC 9051 §6.4.7")),
            Map.entry("MOVE", new Explained("Moves messages to another mailbox.", "RFC 9051 §6.4.8")),
            Map.entry("UID", new Explained("Runs the following FETCH, SEARCH, STORE, COPY, MOVE or EXPUNGE with UIDs"
                    + " instead of message sequence numbers.", "RFC 9051 §6.4.9")),
            Map.entry("CHECK", new Explained("Asks for a checkpoint of the mailbox (IMAP4rev1; gone in IMAP4rev2).",
                    "RFC 3501 §6.4.1")),
            Map.entry("DONE", new Explained("Ends IDLE; the server then completes the IDLE command with its tag.",
                    "RFC 2177 §3 (RFC 9051 §6.3.13)")));

    private static final Explained USER = new Explained("IMAP has no USER command (that is POP3's); the server will"
            + " answer BAD. LOGIN user password is the standard one. Sent as typed.", "RFC 9051 §6.2.3");

    private ImapCommands() {
    }

    /** True for a verb IMAP defines (the tagging rule uses this); false for USER and anything unknown. */
    public static boolean isKnown(String verb) {
        return verb != null && KNOWN.containsKey(verb.toUpperCase(Locale.ROOT)) && !"DONE".equalsIgnoreCase(verb);
    }

    /** The meaning of a verb; unknown verbs get a generic one (they are still sent). */
    public static Explained describe(String verb) {
        if (verb == null || verb.isEmpty()) {
            return new Explained("No command verb: sent as typed.", null);
        }
        String upper = verb.toUpperCase(Locale.ROOT);
        if ("USER".equals(upper)) {
            return USER;
        }
        Explained known = KNOWN.get(upper);
        return known != null ? known : new Explained("Not a command this protocol defines; sent as typed.", null);
    }
}

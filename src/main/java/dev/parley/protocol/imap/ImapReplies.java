package dev.parley.protocol.imap;

import java.util.Locale;
import java.util.Map;

/**
 * What IMAP server responses mean, for the learner: the status words (RFC 9051 §7.1), the
 * untagged data keywords (§7.2–§7.5) and the bracketed response codes (§7.1, RFC 5530 and the
 * extensions that define them). An open set: an unknown keyword or code gets a generic meaning,
 * because servers may send extension data a client must ignore.
 */
public final class ImapReplies {

    /** A meaning and where it is defined. */
    public record Explained(String meaning, String reference) {
    }

    private static final Map<String, Explained> STATUSES = Map.of(
            "OK", new Explained("Success.", "RFC 9051 §7.1.1"),
            "NO", new Explained("Refused: the command was understood but failed (wrong password, no such mailbox, ...).",
                    "RFC 9051 §7.1.2"),
            "BAD", new Explained("Protocol error: the server could not parse the command or it is not allowed now.",
                    "RFC 9051 §7.1.3"),
            "PREAUTH", new Explained("The connection is already authenticated (e.g. by its TLS client certificate):"
                    + " no LOGIN needed.", "RFC 9051 §7.1.4"),
            "BYE", new Explained("The server is closing the connection (after LOGOUT, on a timeout, or at shutdown).",
                    "RFC 9051 §7.1.5"));

    private static final Map<String, Explained> DATA = Map.ofEntries(
            Map.entry("CAPABILITY", new Explained("The capabilities the server supports (IMAP4rev2, STARTTLS, AUTH=..., IDLE, LITERAL+ ...).",
                    "RFC 9051 §7.2.2")),
            Map.entry("ENABLED", new Explained("The extensions ENABLE switched on.", "RFC 9051 §7.2.1")),
            Map.entry("LIST", new Explained("One mailbox: its attributes, hierarchy delimiter and name.", "RFC 9051 §7.3.1")),
            Map.entry("LSUB", new Explained("One subscribed mailbox (IMAP4rev1; IMAP4rev2 uses LIST (SUBSCRIBED)).",
                    "RFC 3501 §7.2.3")),
            Map.entry("NAMESPACE", new Explained("The personal, other users' and shared mailbox prefixes.", "RFC 9051 §7.3.2")),
            Map.entry("STATUS", new Explained("Counters of a mailbox asked for by STATUS (MESSAGES, UIDNEXT, UNSEEN, ...).",
                    "RFC 9051 §7.3.3")),
            Map.entry("ESEARCH", new Explained("Search results in the extended form (MIN, MAX, COUNT, ALL).", "RFC 9051 §7.3.4")),
            Map.entry("SEARCH", new Explained("The numbers of the messages that matched SEARCH (IMAP4rev1 form).",
                    "RFC 3501 §7.2.5")),
            Map.entry("FLAGS", new Explained("The flags that can be set on messages in this mailbox.", "RFC 9051 §7.3.5")),
            Map.entry("EXISTS", new Explained("The mailbox now holds this many messages.", "RFC 9051 §7.4.1")),
            Map.entry("RECENT", new Explained("This many messages are new since the last session (IMAP4rev1 only;"
                    + " removed in IMAP4rev2).", "RFC 3501 §7.3.2")),
            Map.entry("EXPUNGE", new Explained("This message was removed; every later message's number drops by one.",
                    "RFC 9051 §7.5.1")),
            Map.entry("FETCH", new Explained("Data about this message: flags, size, envelope, body parts, as asked.",
                    "RFC 9051 §7.5.2")),
            Map.entry("VANISHED", new Explained("These UIDs were removed (QRESYNC).", "RFC 7162 §3.2.10")),
            Map.entry("ID", new Explained("The server's name and version, answering ID.", "RFC 2971 §3.2")),
            Map.entry("QUOTA", new Explained("Usage and limits of a quota root.", "RFC 9208 §5.1")),
            Map.entry("QUOTAROOT", new Explained("The quota roots of a mailbox.", "RFC 9208 §5.2")));

    private static final Map<String, Explained> CODES = Map.ofEntries(
            Map.entry("ALERT", new Explained("A message the server says MUST be shown to the user.", "RFC 9051 §7.1")),
            Map.entry("ALREADYEXISTS", new Explained("A mailbox with that name already exists.", "RFC 5530 §3")),
            Map.entry("APPENDUID", new Explained("APPEND worked: the mailbox's UIDVALIDITY and the new message's UID.",
                    "RFC 9051 §7.1 (UIDPLUS, RFC 4315)")),
            Map.entry("AUTHENTICATIONFAILED", new Explained("Wrong user name or password (deliberately vague).", "RFC 5530 §3")),
            Map.entry("AUTHORIZATIONFAILED", new Explained("Credentials are fine, but this identity may not act as the requested one.",
                    "RFC 5530 §3")),
            Map.entry("BADCHARSET", new Explained("SEARCH used a charset the server does not support; it lists those it does.",
                    "RFC 9051 §7.1")),
            Map.entry("CANNOT", new Explained("The server can never do this (e.g. a name it cannot store).", "RFC 5530 §3")),
            Map.entry("CAPABILITY", new Explained("The capability list, sent along so the client need not ask.", "RFC 9051 §7.1")),
            Map.entry("CLIENTBUG", new Explained("The server thinks the client misbehaved, but carried out the command.",
                    "RFC 5530 §3")),
            Map.entry("CLOSED", new Explained("The previously selected mailbox is now closed (sent when SELECT switches mailboxes).",
                    "RFC 9051 §7.1")),
            Map.entry("CONTACTADMIN", new Explained("Ask the administrator; the user cannot fix this.", "RFC 5530 §3")),
            Map.entry("COPYUID", new Explained("COPY/MOVE worked: UIDVALIDITY of the target, source UIDs and their new UIDs.",
                    "RFC 9051 §7.1 (UIDPLUS, RFC 4315)")),
            Map.entry("CORRUPTION", new Explained("The server found corrupted data.", "RFC 5530 §3")),
            Map.entry("EXPIRED", new Explained("The credentials or the data have expired (e.g. a password past its date).",
                    "RFC 5530 §3")),
            Map.entry("EXPUNGEISSUED", new Explained("Another session expunged messages while this command ran.", "RFC 5530 §3")),
            Map.entry("HASCHILDREN", new Explained("The mailbox has children, so it cannot be deleted this way.", "RFC 9051 §7.1")),
            Map.entry("INUSE", new Explained("Someone else is using the resource; try again later.", "RFC 5530 §3")),
            Map.entry("LIMIT", new Explained("A server limit was hit (too many messages, too large a command ...).", "RFC 5530 §3")),
            Map.entry("NONEXISTENT", new Explained("No such mailbox (or message).", "RFC 5530 §3")),
            Map.entry("NOPERM", new Explained("No permission for this (access control).", "RFC 5530 §3")),
            Map.entry("OVERQUOTA", new Explained("The mailbox is over its quota.", "RFC 5530 §3")),
            Map.entry("PARSE", new Explained("A message the server stores could not be parsed (its headers or MIME are broken).",
                    "RFC 9051 §7.1")),
            Map.entry("PERMANENTFLAGS", new Explained("The flags the client may change permanently; \\* means new keywords may be made.",
                    "RFC 9051 §7.1")),
            Map.entry("PRIVACYREQUIRED", new Explained("Refused until the connection is private (use TLS).", "RFC 5530 §3")),
            Map.entry("READ-ONLY", new Explained("The mailbox is selected read-only: flags and expunges cannot be changed.",
                    "RFC 9051 §7.1")),
            Map.entry("READ-WRITE", new Explained("The mailbox is selected read-write.", "RFC 9051 §7.1")),
            Map.entry("SERVERBUG", new Explained("The server hit a bug of its own.", "RFC 5530 §3")),
            Map.entry("TRYCREATE", new Explained("The target mailbox does not exist; CREATE it first, then retry.", "RFC 9051 §7.1")),
            Map.entry("UIDNEXT", new Explained("The UID the next new message will probably get.", "RFC 9051 §7.1")),
            Map.entry("UIDNOTSTICKY", new Explained("This mailbox cannot keep UIDs across sessions.", "RFC 9051 §7.1")),
            Map.entry("UIDVALIDITY", new Explained("The mailbox's UID validity: if it changes, every cached UID is void.",
                    "RFC 9051 §7.1")),
            Map.entry("UNAVAILABLE", new Explained("A temporary failure (a backend is down); try later.", "RFC 5530 §3")),
            Map.entry("UNSEEN", new Explained("The number of the first unseen message (IMAP4rev1).", "RFC 3501 §7.1")),
            Map.entry("UNKNOWN-CTE", new Explained("A body part uses a content-transfer-encoding the server cannot decode.",
                    "RFC 9051 §7.1")),
            Map.entry("NOTSAVED", new Explained("A search result could not be saved.", "RFC 9051 §7.1")));

    private ImapReplies() {
    }

    /** A status word ({@code OK}, {@code NO}, {@code BAD}, {@code PREAUTH}, {@code BYE}). */
    public static Explained status(String word) {
        Explained known = STATUSES.get(word.toUpperCase(Locale.ROOT));
        return known != null ? known
                : new Explained("Not a status IMAP defines (OK, NO, BAD, PREAUTH, BYE).", "RFC 9051 §7.1");
    }

    /** An untagged data keyword ({@code EXISTS}, {@code FETCH}, ...). */
    public static Explained data(String keyword) {
        Explained known = DATA.get(keyword.toUpperCase(Locale.ROOT));
        return known != null ? known
                : new Explained("Untagged data this lesson does not describe (an extension, perhaps); a client ignores"
                        + " what it does not know.", "RFC 9051 §7");
    }

    /** Untagged data with its number filled in where the number is the point ({@code * 3 EXPUNGE}). */
    public static Explained data(String keyword, Long number) {
        Explained general = data(keyword);
        if (number == null) {
            return general;
        }
        String text = switch (keyword.toUpperCase(Locale.ROOT)) {
            case "EXISTS" -> "The mailbox now holds " + number + " message(s).";
            case "RECENT" -> number + " message(s) are new since the last session (IMAP4rev1 only; removed in IMAP4rev2).";
            case "EXPUNGE" -> "Message " + number + " was removed; every later message's number drops by one.";
            case "FETCH" -> "Data about message " + number + ": flags, size, envelope or body parts, as asked.";
            default -> general.meaning() + " (number " + number + ")";
        };
        return new Explained(text, general.reference());
    }

    /** A response code in brackets ({@code [UIDVALIDITY 3857529045]}). */
    public static Explained code(String code) {
        Explained known = CODES.get(code.toUpperCase(Locale.ROOT));
        return known != null ? known
                : new Explained("A response code this lesson does not describe (an extension); a client ignores"
                        + " codes it does not know.", "RFC 9051 §7.1");
    }

    /** The continuation request ({@code +}). */
    public static Explained continuation() {
        return new Explained("Go ahead: the server waits for more from the client.", "RFC 9051 §7.6");
    }
}

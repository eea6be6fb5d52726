package dev.parley.library;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The library-mode calls, named after the lesson's Python session ({@code imap.search} is
 * {@code conn.search(None, '(FROM "cris")')}), with the arguments each takes and their defaults:
 * what {@code GET /api/library/calls} lists and what a request's {@code args} are checked against.
 */
public final class LibraryCalls {

    /**
     * One argument of a call.
     *
     * @param choices the only values allowed, or empty when any text is
     */
    public record Arg(String name, String description, String defaultValue, List<String> choices) {

        static Arg text(String name, String defaultValue, String description) {
            return new Arg(name, description, defaultValue, List.of());
        }

        static Arg choice(String name, String defaultValue, String description, String... choices) {
            return new Arg(name, description, defaultValue, List.of(choices));
        }
    }

    /**
     * One call.
     *
     * @param name        {@code protocol.verb}, as CONTRACTS.md §3 names it
     * @param title       a button label
     * @param description what it does and what the library sends, for a learner
     */
    public record Call(String name, String protocol, String title, String description, List<Arg> args) {

        public Optional<Arg> arg(String argName) {
            return args.stream().filter(a -> a.name().equals(argName)).findFirst();
        }
    }

    private static final Arg FOLDER = Arg.text("folder", "INBOX", "The folder (mailbox) to open.");
    private static final Arg MESSAGE = Arg.text("message", "1", "The message number (1 is the oldest message).");

    private static final List<Call> ALL = List.of(
            new Call("imap.list", "imap", "List folders",
                    "Logs in and lists every folder (LIST \"\" \"*\"), like conn.list() in the lesson.", List.of()),
            new Call("imap.select", "imap", "Select a folder",
                    "Logs in and opens a folder read-write (SELECT): the server answers with the number of messages, "
                            + "the flags and the UID validity. Opening read-only sends EXAMINE instead.",
                    List.of(FOLDER, Arg.choice("mode", "READ_WRITE",
                            "READ_WRITE sends SELECT; READ_ONLY sends EXAMINE, which changes nothing.",
                            "READ_WRITE", "READ_ONLY"))),
            new Call("imap.search", "imap", "Search",
                    "Opens the folder read-only and searches it, like conn.search(None, '(FROM \"cris\")'). The "
                            + "criteria become a Jakarta Mail SearchTerm, which writes its own SEARCH command.",
                    List.of(FOLDER, Arg.text("criteria", "FROM \"cris\"",
                            "IMAP search keys: FROM, TO, CC, BCC, SUBJECT, BODY followed by a string; SEEN, UNSEEN, "
                                    + "ANSWERED, FLAGGED, DELETED, DRAFT; NOT before a key. Several keys must all match."))),
            new Call("imap.fetch", "imap", "Fetch a part",
                    "Opens the folder read-only and fetches one part of a message, like conn.fetch('1', '(BODY[HEADER])').",
                    List.of(FOLDER, MESSAGE, Arg.choice("what", "header",
                            "header: the header lines; text: the body as sent; flags: the message's flags; "
                                    + "whole: the whole message as sent (RFC822).",
                            "header", "text", "flags", "whole"))),
            new Call("imap.message", "imap", "Fetch and parse a message",
                    "Fetches a whole message and parses it into its MIME tree: headers, parts, content types, "
                            + "encodings and decoded text, like email.message_from_string in the lesson.",
                    List.of(FOLDER, MESSAGE)),
            new Call("pop3.stat", "pop3", "STAT",
                    "Logs in and asks how many messages the maildrop holds and their total size (STAT).", List.of()),
            new Call("pop3.list", "pop3", "LIST",
                    "Logs in and lists each message's size (LIST), like conn.list().", List.of()),
            new Call("pop3.retr", "pop3", "Retrieve a message",
                    "Retrieves a whole message (RETR) and parses it into its MIME tree.", List.of(MESSAGE)),
            new Call("pop3.dele", "pop3", "Delete a message",
                    "Marks a message deleted (DELE). POP3 deletes it only when the session ends with QUIT, so the "
                            + "library sends DELE when the folder is closed.", List.of(MESSAGE)),
            new Call("smtp.send", "smtp", "Send a message",
                    "Composes a message and sends it (EHLO, AUTH when a user name is given, MAIL FROM, RCPT TO, DATA).",
                    List.of(Arg.text("from", "bob@localhost", "The sender's address (MAIL FROM and From:)."),
                            Arg.text("to", "demo@localhost", "The recipients' addresses, separated by commas."),
                            Arg.text("subject", "Hello from Parley", "The subject; any language is fine."),
                            Arg.text("text", "Sent with Jakarta Mail: the same lines you could type yourself.",
                                    "The message text."),
                            Arg.text("attachmentName", "", "Optional: a file name, to attach a file (multipart/mixed)."),
                            Arg.text("attachmentText", "", "The attached file's content, when attachmentName is set."))),
            new Call("http.get", "http", "GET",
                    "Fetches a path with java.net.http.HttpClient (HTTP/1.1), like http.client in Python.",
                    List.of(Arg.text("path", "/", "The path to request, starting with /."))));

    private static final Map<String, Call> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Call::name, Function.identity()));

    private LibraryCalls() {
    }

    /** Every call, in the lesson's order. */
    public static List<Call> all() {
        return ALL;
    }

    public static Optional<Call> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name.trim()));
    }
}

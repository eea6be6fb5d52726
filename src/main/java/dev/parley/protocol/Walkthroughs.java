package dev.parley.protocol;

import dev.parley.protocol.Walkthrough.Step;
import java.util.List;

/**
 * The walkthroughs of the lesson, rewritten to work line for line against the practice servers
 * (CONTRACTS.md §4: bob/redqueen with two messages, frobozz/xyzzy, unknown users refused with 550).
 */
public final class Walkthroughs {

    private Walkthroughs() {
    }

    /** The walkthrough for a protocol; raw mode has no steps. */
    public static Walkthrough of(Protocol protocol) {
        return new Walkthrough(protocol, switch (protocol) {
            case SMTP -> smtp();
            case POP3 -> pop3();
            case IMAP -> imap();
            case HTTP -> http();
            case RAW -> List.of();
        });
    }

    /** RFC 5321 §3.3 and appendix D: the lesson's mail transaction. */
    private static List<Step> smtp() {
        return List.of(
                new Step("hello", "Listen to the greeting", null,
                        "Connect: an SMTP server speaks first, with a 220 greeting that names it (\"220 localhost ...\", "
                                + "as the lesson's foo.com greets). Real servers listen on port 25 (server to server), 587 "
                                + "(mail handed in by a program, submission) and 465 (submission over TLS); the practice "
                                + "server on 3025 (3465 with TLS).",
                        "The reply is a three-digit code and an explanation for humans."),
                new Step("identify", "Say who you are: EHLO", "EHLO parley.local",
                        "EHLO (extended hello) gives your client's name and asks which extensions the server offers.",
                        "Every line but the last starts 250- (with a dash): the reply goes on. The line with 250 and a space ends it."),
                new Step("ask", "Name the sender", "MAIL FROM:<bob@localhost>",
                        "Starts a mail transaction: the address replies and bounces go back to.",
                        "250: the sender is accepted."),
                new Step("ask", "Name a recipient", "RCPT TO:<demo@localhost>",
                        "One RCPT per recipient. demo is a user of the practice server.",
                        "250: the server will deliver to demo."),
                new Step("ask", "Name a recipient who does not exist", "RCPT TO:<green@localhost>",
                        "As in the lesson, Green has no mailbox here.",
                        "550: a permanent refusal (5xx). The transaction goes on for the recipients already accepted."),
                new Step("ask", "Start the message", "DATA",
                        "Asks to send the message itself.",
                        "354: go ahead. From now on your lines are the message, until a line with only a dot."),
                new Step("answers", "A header line", "Subject: Hello from Parley",
                        "The message starts with its header fields, one per line.", null),
                new Step("answers", "The empty line", "",
                        "An empty line separates the header from the body.", null),
                new Step("answers", "The body", "Blah blah blah...",
                        "Any text, one line at a time.", null),
                new Step("answers", "A line that starts with a dot", "...etc. etc. etc.",
                        "The lesson's second line begins with a dot. Parley sends it as ....etc. etc. etc.: a line that "
                                + "starts with a dot gets a second dot (dot-stuffing, RFC 5321 §4.5.2), so it cannot end the "
                                + "message by accident. The server removes the extra dot again.",
                        "Read it back with POP3 RETR (stuffed again on the way out) or IMAP FETCH (not stuffed: a literal has "
                                + "a length, not an end marker)."),
                new Step("answers", "End the message", ".",
                        "A line with only a dot: CRLF.CRLF ends the payload.",
                        "In SMTP the client owns CRLF.CRLF: you send the message, so you mark its end. 250: the message is accepted."),
                new Step("goodbye", "Say goodbye", "QUIT",
                        "Ends the session politely.",
                        "221, and then the server closes the connection."));
    }

    /** RFC 1939 §4-6: the lesson's maildrop session. */
    private static List<Step> pop3() {
        return List.of(
                new Step("hello", "Listen to the greeting", null,
                        "Connect: the POP3 server speaks first. Real servers listen on port 110 (995 with TLS); the "
                                + "practice server on 3110 (3995 with TLS).",
                        "Just two reply codes in POP3: +OK and -ERR."),
                new Step("identify", "Your user name", "USER bob",
                        "POP3 logs in in two steps: first the user name...", "+OK: now the password."),
                new Step("identify", "Your password", "PASS redqueen",
                        "...then the password, in plain text: on a real server, only over TLS (POP3S, or STLS first).",
                        "+OK: the maildrop is locked for you. Exports write the password as ********."),
                new Step("ask", "How much mail?", "STAT",
                        "Number of messages and their total size.",
                        "+OK 2 and a size in octets: a one-line answer. The practice mailboxes are shared: if you see "
                                + "+OK 0 0, someone read and deleted bob's mail. Press \"Reset practice mail\", QUIT and log "
                                + "in again."),
                new Step("ask", "List the messages", "LIST",
                        "One line per message: its number and size.",
                        "A multi-line answer: +OK, the data lines, then a line with only a dot."),
                new Step("answers", "Read message 1", "RETR 1",
                        "The whole message: header, empty line, body.",
                        "The server sends the payload and ends it with CRLF.CRLF. In POP3 the server owns the end marker, "
                                + "because only the server ever sends a message."),
                new Step("answers", "Delete message 1", "DELE 1",
                        "Marks message 1 for deletion.", "Nothing is deleted yet: that happens when you QUIT."),
                new Step("answers", "Change your mind (optional)", "RSET",
                        "Unmarks every message marked for deletion. In a class, sending RSET before QUIT leaves bob's "
                                + "mail for the next learner; skip it to see QUIT delete, as in the lesson.",
                        "+OK: nothing is marked any more."),
                new Step("goodbye", "Say goodbye", "QUIT",
                        "Ends the session; the server now deletes what you marked (the UPDATE state).",
                        "+OK, and the server closes the connection. \"Reset practice mail\" brings deleted mail back."));
    }

    /** RFC 9051 §6-7: the lesson's IMAP session, with LOGIN instead of the lesson's USER. */
    private static List<Step> imap() {
        return List.of(
                new Step("hello", "Listen to the greeting", null,
                        "Connect: the server greets with an untagged * OK line. Real servers listen on port 143 (993 "
                                + "with TLS); the practice server on 3143 (3993 with TLS).",
                        "Untagged lines start with *: they are not the end of any command."),
                new Step("identify", "Log in", "LOGIN frobozz xyzzy",
                        "The lesson's slide shows A0001 USER, but IMAP has no USER command: LOGIN takes the user and the "
                                + "password together. Parley adds the tag (A0001), the lesson's \"sequence identifier\", "
                                + "for you. If you type your own (A0001 LOGIN ...), use each tag once.",
                        "The reply starts with the same tag as your command: tags match answers to commands, so a "
                                + "client may send its next command before this one is answered."),
                new Step("ask", "Open the inbox", "SELECT INBOX",
                        "Selects a mailbox: later commands work on it.",
                        "Untagged * lines (EXISTS, FLAGS, OK [UIDVALIDITY …]) first, then the tagged OK [READ-WRITE]."),
                new Step("ask", "Get message sizes", "FETCH 1 RFC822.SIZE",
                        "Asks for one data item of message 1.", "* 1 FETCH (RFC822.SIZE …), then the tagged OK."),
                new Step("answers", "Get the first message's header", "FETCH 1 BODY[HEADER]",
                        "Asks for the header of message 1.",
                        "{n} announces a literal: exactly n octets follow, read by count, not by line. No end marker, "
                                + "so nothing needs dot-stuffing."),
                new Step("answers", "Get the first message's body", "FETCH 1 BODY[TEXT]",
                        "Asks for the body of message 1.",
                        "Another literal with its octet count; the server may also report the message's new \\Seen flag."),
                new Step("goodbye", "Say goodbye", "LOGOUT",
                        "Ends the session.", "* BYE first, then the tagged OK, then the server closes."));
    }

    /** RFC 9112 §3 and §9: one request, one response. */
    private static List<Step> http() {
        return List.of(
                new Step("hello", "The request line", "GET / HTTP/1.1",
                        "In HTTP the client speaks first: a method, a target and the version. There is no greeting. Web "
                                + "servers listen on port 80 (443 for HTTPS); the practice site on 3080.",
                        "Nothing comes back yet: the request is not complete."),
                new Step("identify", "Name the site", "Host: localhost",
                        "HTTP/1.1 requires Host: one server can hold many sites.", null),
                new Step("identify", "Say which client you are", "User-Agent: Parley",
                        "Optional, but polite: headers are Name: value lines.", null),
                new Step("ask", "Ask to close afterwards", "Connection: close",
                        "HTTP/1.1 keeps a connection open for more requests; this asks the server to close it after its "
                                + "answer. HTTP says goodbye in advance.", null),
                new Step("ask", "End the request", "",
                        "An empty line ends the header section. A GET has no body, so the request is complete.",
                        "Now the server answers."),
                new Step("answers", "Read the response", null,
                        "The status line, header lines, an empty line, then the body.",
                        "200 is the code, OK the explanation. Content-Length says how many octets of body follow: that, "
                                + "not a dot line, ends the body."),
                new Step("goodbye", "Say goodbye", null,
                        "Because you sent Connection: close, the server closes the connection after the body.",
                        "The connection closes; press Reconnect for another request."));
    }
}

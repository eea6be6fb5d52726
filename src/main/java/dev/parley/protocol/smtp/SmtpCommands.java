package dev.parley.protocol.smtp;

import dev.parley.protocol.Verbs;

/**
 * SMTP command verbs and what they do (RFC 5321 §4.1.1, RFC 3207, RFC 4954, RFC 3030). Verbs are
 * an open set: an unknown verb gets a generic meaning and is still sent as typed, so a learner can
 * try anything and read the server's 500 or 502.
 */
public final class SmtpCommands {

    private static final Verbs VERBS = Verbs.of(
            "An empty line: not a command; the server will most likely answer 500.",
            Verbs.verb("HELO", "Identifies the client by its domain name (the original, pre-extension greeting).", "RFC 5321 §4.1.1.1"),
            Verbs.verb("EHLO", "Identifies the client and asks the server to list the extensions it supports.", "RFC 5321 §4.1.1.1"),
            Verbs.verb("MAIL", "Starts a mail transaction: MAIL FROM:<address> gives the return path for bounces.", "RFC 5321 §4.1.1.2"),
            Verbs.verb("RCPT", "Names one recipient: RCPT TO:<address>; repeat for each recipient.", "RFC 5321 §4.1.1.3"),
            Verbs.verb("DATA", "Asks to send the message itself; after the server's 354, lines are message text until a lone '.'.", "RFC 5321 §4.1.1.4"),
            Verbs.verb("RSET", "Aborts the current mail transaction; the server forgets sender, recipients and data.", "RFC 5321 §4.1.1.5"),
            Verbs.verb("VRFY", "Asks the server to confirm a user name or mailbox (often disabled against address harvesting).", "RFC 5321 §4.1.1.6"),
            Verbs.verb("EXPN", "Asks the server to expand a mailing list (often disabled).", "RFC 5321 §4.1.1.7"),
            Verbs.verb("HELP", "Asks the server for help text.", "RFC 5321 §4.1.1.8"),
            Verbs.verb("NOOP", "Does nothing; the server just answers 250. Useful to keep a connection alive or test it.", "RFC 5321 §4.1.1.9"),
            Verbs.verb("QUIT", "Ends the session: the server answers 221 and closes the connection.", "RFC 5321 §4.1.1.10"),
            Verbs.verb("STARTTLS", "Asks to switch this connection to TLS; after the server's 220 the TLS handshake starts.", "RFC 3207 §4"),
            Verbs.verb("AUTH", "Starts SASL authentication with a mechanism (PLAIN, LOGIN, …); 334 challenges follow until 235 or an error.", "RFC 4954 §4"),
            Verbs.verb("BDAT", "Sends one chunk of the message, counted in octets, instead of DATA; BDAT n LAST ends the message.", "RFC 3030 §2"),
            Verbs.verb("ETRN", "Asks the server to start delivering mail queued for a domain.", "RFC 1985 §3"));

    private SmtpCommands() {
    }

    /** The verb of a typed line: its first word, upper-cased (verbs are case-insensitive). */
    public static String verbOf(String line) {
        return Verbs.verbOf(line);
    }

    /** The command for a verb; unknown verbs get a generic meaning and no reference. */
    public static Verbs.Command lookup(String verb) {
        return VERBS.lookup(verb);
    }

    /** What the server's reply to this verb will answer, for the dialect's FIFO of outstanding commands. */
    static SmtpAnswering answering(String verb) {
        return switch (verb) {
            case "EHLO" -> SmtpAnswering.EHLO;
            case "HELO" -> SmtpAnswering.HELO;
            case "DATA" -> SmtpAnswering.DATA;
            case "AUTH" -> SmtpAnswering.AUTH;
            case "STARTTLS" -> SmtpAnswering.STARTTLS;
            case "QUIT" -> SmtpAnswering.QUIT;
            default -> SmtpAnswering.OTHER;
        };
    }
}

package dev.parley.protocol.imap;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Secrets;
import dev.parley.protocol.imap.ImapReplies.Explained;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client half of an IMAP conversation: turns typed lines into tagged commands, literal data,
 * IDLE's {@code DONE} or SASL responses, and remembers which tags wait for completion. The server
 * half ({@link ImapDialect}) tells it about {@code +} continuations and tagged completions.
 *
 * <p>Client literals (RFC 9051 §4.3, RFC 7888): a command ending in {@code {n}} is written and
 * input is held until the server's {@code +}; {@code {n+}} is written without waiting. Then the
 * next typed line carries the literal: when it has at least the octets still owed, the first of
 * them end the literal and the rest continues the command (which may end in another literal);
 * when it is shorter, the line <em>and its CRLF</em> go into the literal and the literal goes on
 * with the next line (so a message for APPEND can be typed line by line, CRLFs counted). A line
 * exactly one octet short is refused: its CRLF would split the literal between CR and LF.
 */
final class ImapClient {

    /** What the client is in the middle of; modes other than READY belong to one command. */
    enum Mode {
        READY,
        /** a synchronising literal was announced: input is held until the server's {@code +} */
        AWAIT_GO_AHEAD,
        /** the next typed line is (the rest of) the literal */
        LITERAL_DATA,
        /** STARTTLS was sent: input is held until its tagged answer */
        AWAIT_TLS,
        /** IDLE was sent: only DONE may follow */
        IDLING,
        /** AUTHENTICATE was sent: typed lines are base64 SASL responses */
        AUTHENTICATING
    }

    /** What a {@code +} from the server means now. {@code complete}: emit Complete(CONTINUE). */
    record Continuation(boolean complete, String meaning) {
    }

    /**
     * What a tagged completion means now. {@code verb} is null when no command had that tag.
     * {@code complete}: a Complete event is due (the command's last write expected an answer).
     */
    record Completion(String verb, boolean known, boolean complete, boolean tlsGoAhead, String dropReason,
            String note) {
    }

    private static final class Pending {
        final String tag;
        final String verb;
        boolean answered;

        Pending(String tag, String verb) {
            this.tag = tag;
            this.verb = verb;
        }
    }

    private final ImapTagger tagger = new ImapTagger();
    private final ImapLoginSecrets loginSecrets = new ImapLoginSecrets();
    private final List<Pending> pending = new ArrayList<>();
    private Mode mode = Mode.READY;
    private Pending owner;
    private long literalRemaining;

    boolean holds() {
        return mode == Mode.AWAIT_GO_AHEAD || mode == Mode.AWAIT_TLS;
    }

    ClientWrite write(String line, boolean raw) {
        return switch (mode) {
            case AWAIT_GO_AHEAD, AWAIT_TLS -> new ClientWrite.Reject("Parley is waiting for the server's answer to "
                    + ownerName() + " before anything else may be sent.");
            case LITERAL_DATA -> literalData(line);
            case IDLING -> duringIdle(line, raw);
            case AUTHENTICATING -> send(line, Annotation.payload("A SASL response to the server's + challenge"
                    + ("*".equals(line.strip()) ? ": * cancels the authentication; the server answers BAD."
                            : ", base64-encoded (RFC 9051 §6.2.2).")), true, Secrets.saslResponse(line));
            case READY -> command(line, raw);
        };
    }

    private ClientWrite command(String line, boolean raw) {
        if (!raw && "DONE".equalsIgnoreCase(line.strip())) {
            return send(line, Annotation.command("DONE", "DONE ends IDLE, but no IDLE is running: the server will"
                    + " probably answer BAD. Sent untagged, as typed.", "RFC 2177 §3"), false);
        }
        if (!raw && line.isBlank()) {
            return new ClientWrite.Reject("An empty line is not an IMAP command. Type one such as CAPABILITY"
                    + " (or send the empty line raw to see what the server does with it).");
        }
        ImapTagger.Tagged tagged = raw ? tagger.asTyped(line) : tagger.tag(line);
        Explained explained = describe(tagged);
        StringBuilder meaning = new StringBuilder(explained.meaning());
        if (tagged.added()) {
            meaning.append(" Parley added the tag ").append(tagged.tag())
                    .append("; the server's completion line starts with it.");
        }
        Pending command = tagged.tag() == null ? null : new Pending(tagged.tag(), tagged.verb());
        if (command != null && find(command.tag) != null) {
            meaning.append(" Careful: a command tagged ").append(command.tag)
                    .append(" is still waiting; tags should be unique (RFC 9051 §2.2.1).");
        } else if (tagged.reused()) {
            meaning.append(" Careful: the tag ").append(tagged.tag()).append(" was already used on this connection"
                    + " (by you or by Parley's automatic tags). Tags should be unique, so that each answer can be"
                    + " matched to its command (RFC 9051 §2.2.1): leave the tag off and Parley picks an unused one.");
        }
        boolean expects = command != null;
        ImapLiteral literal = ImapLiteral.at(tagged.text());
        if (literal != null && literal.valid() && !literal.tooLarge()) {
            expects = false;
            owner = command;
            literalRemaining = literal.octets();
            meaning.append(' ').append(announce(literal));
        } else if (literal != null && !literal.valid()) {
            meaning.append(' ').append(literal.problem()).append(" Sent as typed.");
        } else if (command != null && "STARTTLS".equals(command.verb)) {
            mode = Mode.AWAIT_TLS;
            owner = command;
        } else if (command != null && "IDLE".equals(command.verb)) {
            mode = Mode.IDLING;
            owner = command;
        } else if (command != null && "AUTHENTICATE".equals(command.verb)) {
            mode = Mode.AUTHENTICATING;
            owner = command;
        }
        if (command != null) {
            command.answered = expects;
            pending.add(command);
        }
        ClientWrite.Send written = ClientWrite.line(tagged.text(),
                Annotation.command(tagged.verb(), meaning.toString(), explained.reference()), expects, redact(tagged));
        return new ClientWrite.Send(written.bytes(), written.lines(), expects, expects ? command.tag : null);
    }

    /**
     * The command with its secret masked: LOGIN's password ({@link ImapLoginSecrets}) or the
     * initial response of {@code AUTHENTICATE mechanism initial-response} (SASL-IR, RFC 4959 §3).
     */
    private String redact(ImapTagger.Tagged tagged) {
        // A line sent raw without a tag ("LOGIN bob secret") has its verb first: still a LOGIN to the reader.
        String first = ImapResponse.firstWord(tagged.text()).toUpperCase(Locale.ROOT);
        boolean untagged = "LOGIN".equals(first) || "AUTHENTICATE".equals(first);
        String verb = untagged ? first : tagged.verb();
        int verbWord = untagged ? 0 : 1;
        String redacted = loginSecrets.command(tagged.text(), verb, verbWord);
        if (redacted == null && "AUTHENTICATE".equals(verb)) {
            redacted = Secrets.afterWords(tagged.text(), verbWord + 2);
        }
        return redacted;
    }

    /** Sets the mode for a literal just announced and says what happens next. */
    private String announce(ImapLiteral literal) {
        String count = String.format(Locale.ROOT, "%,d", literal.octets());
        if (literal.nonSynchronising()) {
            mode = Mode.LITERAL_DATA;
            return "Ends in {" + literal.octets() + "+} (LITERAL+, RFC 7888): sent at once, no waiting for +;"
                    + " the next line you type carries the literal's " + count + " octets.";
        }
        mode = Mode.AWAIT_GO_AHEAD;
        return "Ends in {" + literal.octets() + "}: Parley waits for the server's + before sending more; the next"
                + " line you type is held, then sent as the literal's " + count + " octets (RFC 9051 §4.3).";
    }

    private ClientWrite literalData(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        long owed = literalRemaining;
        String redacted = loginSecrets.literalLine(line, owed);
        if (bytes.length >= owed) {
            String rest = new String(bytes, (int) owed, bytes.length - (int) owed, StandardCharsets.UTF_8);
            StringBuilder meaning = new StringBuilder(owed == 0 ? "The literal is complete; this line continues the"
                    + " command of " + ownerName()
                    : String.format(Locale.ROOT, "Literal data: the first %,d octet(s) of this line end the literal of %s",
                            owed, ownerName()));
            literalRemaining = 0;
            ImapLiteral next = rest.isEmpty() ? null : ImapLiteral.at(rest);
            meaning.append(rest.isEmpty() || owed == 0 ? "" : "; the rest, \"" + rest + "\", continues the command");
            if (next != null && next.valid() && !next.tooLarge()) {
                literalRemaining = next.octets();
                meaning.append(". ").append(announce(next));
                return send(line, Annotation.payload(meaning.toString()), false, redacted);
            }
            meaning.append(". The command is complete.");
            mode = Mode.READY;
            boolean expects = owner != null;
            if (owner != null) {
                owner.answered = true;
                owner = null;
            }
            return send(line, Annotation.payload(meaning.toString()), expects, redacted);
        }
        long withCrlf = bytes.length + 2L;
        if (withCrlf <= owed) {
            literalRemaining = owed - withCrlf;
            String meaning = String.format(Locale.ROOT, "Literal data: this line and its CRLF are %,d octets of the"
                    + " literal of %s; ", withCrlf, ownerName())
                    + (literalRemaining == 0 ? "the literal is complete. Type the rest of the command next (an empty"
                            + " line if nothing follows)."
                            : String.format(Locale.ROOT, "%,d octet(s) still to come.", literalRemaining));
            return send(line, Annotation.payload(meaning), false, redacted);
        }
        return new ClientWrite.Reject(String.format(Locale.ROOT, "The literal of %s needs exactly %,d more octets."
                + " This line is %,d octets, and with its CRLF it would be %,d: the literal would end between CR and"
                + " LF. Type a line of %,d octets or more (octets after the first %,d continue the command), or of"
                + " %,d or fewer (the line and its CRLF stay inside the literal).",
                ownerName(), owed, bytes.length, withCrlf, owed, owed, owed - 2));
    }

    private ClientWrite duringIdle(String line, boolean raw) {
        if ("DONE".equalsIgnoreCase(line.strip())) {
            mode = Mode.READY;
            Explained done = ImapCommands.describe("DONE");
            return send(line, Annotation.command("DONE", done.meaning() + " Sent untagged.", done.reference()), true);
        }
        if (raw) {
            return send(line, Annotation.command(null, "Sent as typed during IDLE, though RFC 2177 §3 allows only"
                    + " DONE now.", "RFC 2177 §3"), false);
        }
        return new ClientWrite.Reject("IDLE is running (" + ownerName() + "): the server only listens for DONE now."
                + " Type DONE to end IDLE, then your command (RFC 2177 §3).");
    }

    Continuation onContinuation() {
        return switch (mode) {
            case AWAIT_GO_AHEAD -> {
                mode = Mode.LITERAL_DATA;
                yield new Continuation(false, String.format(Locale.ROOT, "Go ahead for the literal: the server is"
                        + " ready for the %,d octets announced by %s; the next line you type is sent as its data.",
                        literalRemaining, ownerName()));
            }
            case IDLING -> new Continuation(true, "IDLE is running: the server pushes untagged updates (EXISTS,"
                    + " EXPUNGE, FETCH) until you type DONE.");
            case AUTHENTICATING -> new Continuation(true, "A SASL challenge (base64 after the +, often empty): type"
                    + " your base64 response, or * to cancel.");
            default -> new Continuation(true, ImapReplies.continuation().meaning());
        };
    }

    Completion onTagged(String tag, boolean ok, String status) {
        Pending command = find(tag);
        if (command == null) {
            return new Completion(null, false, false, false, null, "No command tagged " + tag
                    + " is waiting for an answer (was it sent twice, or raw without a tag?).");
        }
        pending.remove(command);
        Mode was = Mode.READY;
        if (command == owner) {
            was = mode;
            mode = Mode.READY;
            owner = null;
            literalRemaining = 0;
        }
        String name = command.tag + (command.verb == null ? "" : " " + command.verb);
        return switch (was) {
            case AWAIT_GO_AHEAD -> new Completion(command.verb, true, command.answered, false,
                    "The server answered " + name + " with " + status + " instead of +: it refused the literal,"
                            + " so nothing typed after it is sent.", null);
            case AWAIT_TLS -> ok ? new Completion(command.verb, true, true, true, null, null)
                    : new Completion(command.verb, true, true, false, "STARTTLS was refused (" + status
                            + "): what you typed after it is dropped rather than sent in clear text.", null);
            case LITERAL_DATA -> new Completion(command.verb, true, command.answered, false, null, "The server ended "
                    + name + " before its literal was sent; what you type next is a new command.");
            default -> new Completion(command.verb, true, command.answered, false, null, null);
        };
    }

    private Pending find(String tag) {
        for (Pending p : pending) {
            if (p.tag.equals(tag)) {
                return p;
            }
        }
        return null;
    }

    private String ownerName() {
        return owner == null ? "the command" : owner.tag + (owner.verb == null ? "" : " " + owner.verb);
    }

    private static Explained describe(ImapTagger.Tagged tagged) {
        Explained verb = ImapCommands.describe(tagged.verb());
        if (!"UID".equals(tagged.verb())) {
            return verb;
        }
        String rest = ImapResponse.afterFirstWord(tagged.text());
        String sub = ImapResponse.firstWord(ImapResponse.afterFirstWord(rest)).toUpperCase(Locale.ROOT);
        return sub.isEmpty() ? verb
                : new Explained(verb.meaning() + " Here: " + sub + ". " + ImapCommands.describe(sub).meaning(),
                        verb.reference());
    }

    private static ClientWrite send(String text, Annotation annotation, boolean expectsAnswer) {
        return send(text, annotation, expectsAnswer, null);
    }

    private static ClientWrite send(String text, Annotation annotation, boolean expectsAnswer, String redacted) {
        return ClientWrite.line(text, annotation, expectsAnswer, redacted);
    }
}

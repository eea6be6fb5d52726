package dev.parley.protocol.imap;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.ShownBudget;
import dev.parley.protocol.Status;
import dev.parley.protocol.imap.ImapReplies.Explained;
import dev.parley.protocol.imap.ImapResponseReader.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IMAP framing (RFC 9051 IMAP4rev2, RFC 3501 IMAP4rev1): server responses are lines, except that
 * a line ending in {@code {n}} is followed by exactly {@code n} octets read by count, and a command
 * is complete only when the server sends a line starting with that command's tag.
 *
 * <p>Events: every server line becomes a {@code ServerLine} with its annotation; each literal a
 * {@code Literal}. {@code Complete} is emitted for the greeting ({@code * OK}/{@code * PREAUTH}:
 * OK, {@code * BYE}: ERROR), for every {@code +} continuation (CONTINUE) except the go-ahead for a
 * client literal (that write did not expect an answer), and for a tagged {@code OK} (OK) or
 * {@code NO}/{@code BAD} (ERROR) whose tag Parley sent.
 *
 * <p><b>Completion by tag.</b> IMAP completes commands by tag, and a server may finish pipelined
 * commands in any order (RFC 9051 §5.5). A tagged {@code Complete} carries its tag, and a command
 * line's write carries the tag its answer will have ({@code Send.answerTag}), so the session pairs
 * them by tag; continuations and completions of commands finished on a literal's line carry none
 * and are paired in order.
 *
 * <p>Tagging rules are in {@link ImapTagger}; client literals, IDLE, AUTHENTICATE and STARTTLS in
 * {@link ImapClient}.
 */
public final class ImapDialect implements Dialect {

    /** What a response's first line leads to, applied once the response (literals included) has ended. */
    private record Outcome(Annotation annotation, Status complete, String dropReason, boolean tlsGoAhead, String tag) {

        Outcome(Annotation annotation, Status complete, String dropReason, boolean tlsGoAhead) {
            this(annotation, complete, dropReason, tlsGoAhead, null);
        }

        static Outcome of(Annotation annotation) {
            return new Outcome(annotation, null, null, false);
        }
    }

    private final ImapResponseReader reader;
    private final ImapClient client = new ImapClient();
    private final ShownBudget shown;
    private boolean greeted;
    private Outcome unfinished;
    /** The response under way is past the per-answer limit: its literals and continuation lines are counted, not shown. */
    private boolean hidingResponse;

    public ImapDialect(FramingLimits limits) {
        this.reader = new ImapResponseReader(limits);
        this.shown = new ShownBudget(limits);
    }

    @Override
    public Protocol protocol() {
        return Protocol.IMAP;
    }

    @Override
    public List<DialectEvent> read(byte[] buffer, int offset, int length) {
        reader.append(buffer, offset, length);
        List<DialectEvent> events = new ArrayList<>();
        for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
            handle(frame, events);
        }
        return events;
    }

    @Override
    public List<DialectEvent> endOfInput() {
        List<DialectEvent> events = new ArrayList<>();
        Frame rest = reader.rest();
        if (rest != null) {
            handle(rest, events);
        }
        if (rest instanceof ImapResponseReader.LiteralData literal && literal.missing() > 0) {
            events.add(new DialectEvent.Notice(String.format(Locale.ROOT, "The connection ended %,d octets before"
                    + " the end of the literal (%,d of %,d arrived).", literal.missing(), literal.octets(),
                    literal.octets() + literal.missing())));
        }
        return events;
    }

    @Override
    public ClientWrite write(String line, boolean raw) {
        ClientWrite.Reject lineBreak = ClientWrite.lineBreakIn(line);
        return lineBreak != null ? lineBreak : client.write(line, raw);
    }

    @Override
    public ClientWrite payload(String text) {
        return new ClientWrite.Reject("IMAP has no separate payload step: to upload a message, type APPEND with a"
                + " {n} literal and then the message's lines.");
    }

    @Override
    public boolean holdsClientInput() {
        return client.holds();
    }

    /** A literal announced as a message header ({@code BODY[HEADER] {n}}): RFC 9051 §6.4.5 says it ends with a blank line. */
    private static final java.util.regex.Pattern HEADER_LITERAL = java.util.regex.Pattern.compile(
            "(?i)(BODY\\[HEADER\\]|RFC822\\.HEADER)(<\\d+>)? \\{\\d+\\+?}$");

    private boolean headerLiteral;

    private void handle(Frame frame, List<DialectEvent> events) {
        switch (frame) {
            case ImapResponseReader.Limit limit -> events.add(new DialectEvent.LimitExceeded(limit.message()));
            case ImapResponseReader.LiteralData data -> {
                if (hidingResponse) {
                    shown.hide(data.octets());
                    headerLiteral = false;
                    return;
                }
                events.add(new DialectEvent.Literal(data.octets(), data.text(), data.truncated()));
                if (headerLiteral && !data.truncated() && data.octets() > 0 && data.text().length() == data.octets()
                        && !data.text().endsWith("\r\n\r\n")) {
                    events.add(new DialectEvent.Notice("This header has no blank line at its end. RFC 9051 §6.4.5 counts"
                            + " the blank line between header and body as part of BODY[HEADER]; this server leaves it"
                            + " out (the practice servers run GreenMail, which does), so BODY[HEADER] and BODY[TEXT]"
                            + " add up to 2 octets less than RFC822.SIZE."));
                }
                if (!data.truncated() && (data.text().startsWith(".") || data.text().contains("\n."))) {
                    events.add(new DialectEvent.Notice("Lines in this literal that begin with '.' come as the message"
                            + " has them: IMAP sends a payload by its count ({n}, RFC 9051 §4.3), so nothing is"
                            + " dot-stuffed. SMTP and POP3 double such a dot on the wire, because a line with only"
                            + " '.' ends their payloads."));
                }
                headerLiteral = false;
            }
            case ImapResponseReader.Line line -> {
                ImapLiteral literal = line.literal();
                boolean literalFollows = literal != null && literal.valid();
                if (line.continuation() && hidingResponse) {
                    shown.hide(line.line().octets());
                    if (!literalFollows) {
                        hidingResponse = false;
                    }
                    return;
                }
                headerLiteral = literalFollows && HEADER_LITERAL.matcher(line.line().text()).find();
                Annotation annotation;
                boolean untagged = false;
                if (line.continuation()) {
                    annotation = Annotation.data("The rest of the response, after the literal."
                            + (literalFollows ? " " + literal.describe() : ""), "RFC 9051 §4.3");
                } else {
                    ImapResponse response = ImapResponse.parse(line.line().text());
                    untagged = greeted && (response.kind() == ImapResponse.Kind.UNTAGGED_DATA
                            || response.kind() == ImapResponse.Kind.UNTAGGED_STATUS);
                    unfinished = interpret(response);
                    annotation = unfinished.annotation();
                    if (literalFollows) {
                        annotation = withMeaning(annotation, annotation.meaning() + " " + literal.describe());
                    }
                }
                if (literal != null && !literal.valid()) {
                    annotation = Annotation.malformed(literal.problem(), "RFC 9051 §4.3");
                }
                if (!line.continuation() && !showResponse(untagged, line.line().octets(), events)) {
                    hidingResponse = literalFollows;
                    if (!literalFollows) {
                        finish(events);
                    }
                    return;
                }
                events.add(new DialectEvent.ServerLine(line.line().text(), line.line().terminator(), annotation));
                if (!literalFollows) {
                    finish(events);
                }
            }
        }
    }

    /**
     * Whether a new response is shown. Untagged data past the per-answer limit is counted, not shown
     * (a SEARCH or LIST answer can be endless); a response that ends or continues a command — tagged,
     * {@code +}, the greeting — is always shown, after a word on what was held back.
     */
    private boolean showResponse(boolean untagged, long octets, List<DialectEvent> events) {
        if (!untagged) {
            shown.end("untagged response", "untagged responses").ifPresent(events::add);
            return true;
        }
        return shown.admit(octets);
    }

    /** The response has ended: its completion, go-ahead or drop is due now. */
    private void finish(List<DialectEvent> events) {
        Outcome outcome = unfinished;
        unfinished = null;
        if (outcome == null) {
            return;
        }
        if (outcome.complete() != null) {
            events.add(new DialectEvent.Complete(outcome.complete(), outcome.tag()));
        }
        if (outcome.dropReason() != null) {
            events.add(new DialectEvent.DropHeldInput(outcome.dropReason()));
        }
        if (outcome.tlsGoAhead()) {
            events.add(new DialectEvent.TlsGoAhead(reader.discard()));
        }
    }

    private Outcome interpret(ImapResponse response) {
        if (!greeted) {
            greeted = true;
            return greeting(response);
        }
        return switch (response.kind()) {
            case MALFORMED -> Outcome.of(Annotation.malformed(response.problem(), "RFC 9051 §7"));
            case CONTINUATION -> {
                ImapClient.Continuation c = client.onContinuation();
                yield new Outcome(Annotation.reply("+", c.meaning(), true, "RFC 9051 §7.6"),
                        c.complete() ? Status.CONTINUE : null, null, false);
            }
            case UNTAGGED_DATA -> {
                Explained data = ImapReplies.data(response.word(), response.number());
                yield Outcome.of(Annotation.reply(response.word(), data.meaning(), false, data.reference()));
            }
            case UNTAGGED_STATUS -> Outcome.of(status(response, untaggedMeaning(response.word()), false));
            case TAGGED -> tagged(response);
        };
    }

    private Outcome greeting(ImapResponse response) {
        if (response.kind() == ImapResponse.Kind.UNTAGGED_STATUS) {
            switch (response.word()) {
                case "OK" -> {
                    return new Outcome(status(response, "Greeting: the server is ready; log in next.", true),
                            Status.OK, null, false);
                }
                case "PREAUTH" -> {
                    return new Outcome(status(response, "Greeting: already authenticated, no LOGIN needed.", true),
                            Status.OK, null, false);
                }
                case "BYE" -> {
                    return new Outcome(status(response, "Greeting BYE: the server refuses this connection and closes"
                            + " it.", true), Status.ERROR, null, false);
                }
                default -> {
                }
            }
        }
        return new Outcome(Annotation.malformed("A greeting must be * OK, * PREAUTH or * BYE (RFC 9051 §7.1);"
                + " this is not." + (response.problem() == null ? "" : " " + response.problem()), "RFC 9051 §7.1"),
                Status.ERROR, null, false);
    }

    private Outcome tagged(ImapResponse response) {
        boolean ok = "OK".equals(response.word());
        ImapClient.Completion c = client.onTagged(response.tag(), ok, response.word());
        String lead = c.known()
                ? "Completes " + response.tag() + (c.verb() == null ? "" : " " + c.verb()) + ": "
                        + ImapReplies.status(response.word()).meaning()
                : c.note() + " " + ImapReplies.status(response.word()).meaning();
        if (c.known() && c.note() != null) {
            lead += " " + c.note();
        }
        Status complete = c.complete() ? (ok ? Status.OK : Status.ERROR) : null;
        return new Outcome(status(response, lead, true), complete, c.dropReason(), c.tlsGoAhead(), response.tag());
    }

    private static String untaggedMeaning(String word) {
        return switch (word) {
            case "OK" -> "Information from the server, not the end of a command.";
            case "NO" -> "A warning from the server, not the end of a command.";
            case "BAD" -> "The server reports a protocol error it cannot tie to one command.";
            default -> ImapReplies.status(word).meaning();
        };
    }

    /** A status line's annotation: the lead sentence plus the meaning of its [CODE], if any. */
    private static Annotation status(ImapResponse response, String lead, boolean last) {
        if (response.problem() != null) {
            return Annotation.malformed(lead + " " + response.problem(), "RFC 9051 §7.1");
        }
        String reference = ImapReplies.status(response.word()).reference();
        String meaning = lead;
        if (response.code() != null) {
            Explained code = ImapReplies.code(response.code());
            meaning += " [" + response.code() + "]: " + code.meaning() + " (" + code.reference() + ")";
        }
        return Annotation.reply(response.word(), meaning, last, reference);
    }

    private static Annotation withMeaning(Annotation a, String meaning) {
        return new Annotation(a.kind(), a.code(), a.verb(), meaning, a.last(), a.reference());
    }
}

package dev.parley.protocol.smtp;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.ClientWrite.ClientLine;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.DialectEvent.Complete;
import dev.parley.protocol.DialectEvent.DropHeldInput;
import dev.parley.protocol.LineStream;
import dev.parley.protocol.DialectEvent.Notice;
import dev.parley.protocol.DialectEvent.ServerLine;
import dev.parley.protocol.DialectEvent.TlsGoAhead;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.LineBuffer;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.Secrets;
import dev.parley.protocol.ShownBudget;
import dev.parley.protocol.Status;
import dev.parley.protocol.Terminator;
import dev.parley.protocol.Verbs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * SMTP framing (RFC 5321): the greeting and each command's reply are read as multi-line replies
 * ({@link SmtpReplyAggregator}); replies answer outstanding commands oldest first, so PIPELINING
 * (RFC 2920) works; after {@code DATA} gets {@code 354} typed lines are message text, dot-stuffed
 * (RFC 5321 §4.5.2) until a lone {@code .}; after {@code 334} (RFC 4954 §4) the next typed line is a
 * base64 response; after {@code STARTTLS} (RFC 3207 §4.2) input is held until the answer, and a
 * {@code 220} discards anything the server sent after it before the TLS handshake.
 *
 * <p>Client input is also held after DATA and AUTH: the reply decides whether the next typed line
 * is a command, message text or an AUTH response. When DATA is refused, the held lines were
 * message text and are dropped rather than sent as commands.
 */
public final class SmtpDialect implements Dialect {

    /** How the next typed line is read. */
    private enum Mode {
        COMMAND,
        /** After 354: message text, dot-stuffed, until a lone dot. */
        PAYLOAD,
        /** After 334: one base64 response (or {@code *} to cancel). */
        AUTH_RESPONSE
    }

    private final FramingLimits limits;
    private final LineStream lines;
    private final SmtpReplyAggregator replies = new SmtpReplyAggregator();
    private final Deque<SmtpAnswering> outstanding = new ArrayDeque<>();
    private final ShownBudget shown;
    private Mode mode = Mode.COMMAND;
    private long replyOctets;

    public SmtpDialect(FramingLimits limits) {
        this.limits = limits;
        this.lines = new LineStream(limits.maxLineOctets());
        this.shown = new ShownBudget(limits);
        outstanding.add(SmtpAnswering.GREETING);
    }

    @Override
    public Protocol protocol() {
        return Protocol.SMTP;
    }

    @Override
    public boolean holdsClientInput() {
        return outstanding.stream().anyMatch(SmtpAnswering::holdsInput);
    }

    @Override
    public List<DialectEvent> read(byte[] bytes, int offset, int length) {
        return lines.read(bytes, offset, length, this::onLine);
    }

    @Override
    public List<DialectEvent> endOfInput() {
        List<DialectEvent> events = new ArrayList<>();
        if (lines.end(this::onLine, events) && replies.inReply()) {
            replies.reset();
            events.add(new Notice("The server closed the connection in the middle of a multi-line reply, before its last line."));
            if (!outstanding.isEmpty()) {
                answered(Status.ERROR, events);
            }
        }
        return events;
    }

    @Override
    public ClientWrite write(String line, boolean raw) {
        ClientWrite.Reject lineBreak = ClientWrite.lineBreakIn(line);
        if (lineBreak != null) {
            return lineBreak;
        }
        return switch (mode) {
            case PAYLOAD -> payloadLine(line, raw);
            case AUTH_RESPONSE -> authResponse(line);
            case COMMAND -> command(line);
        };
    }

    /**
     * A whole message body after {@code 354}: CR, LF and CRLF become CRLF, lines starting with a dot
     * get a second one, and {@code CRLF.CRLF} ends it (RFC 5321 §4.1.1.4, §4.5.2). A body that already
     * ends with a line break does not get an empty line added.
     */
    @Override
    public ClientWrite payload(String text) {
        if (mode != Mode.PAYLOAD) {
            return new ClientWrite.Reject("A message body can only be sent after the server answered DATA with 354: send DATA first.");
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.endsWith("\n")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        List<ClientLine> lines = new ArrayList<>();
        StringBuilder wire = new StringBuilder();
        if (!text.isEmpty()) {
            for (String line : normalised.split("\n", -1)) {
                ClientLine shown = stuffed(line);
                lines.add(shown);
                wire.append(shown.text()).append("\r\n");
            }
        }
        lines.add(endOfMessage());
        wire.append(".\r\n");
        mode = Mode.COMMAND;
        outstanding.add(SmtpAnswering.MESSAGE_END);
        return new ClientWrite.Send(bytes(wire.toString()), lines, true);
    }

    private ClientWrite command(String line) {
        String verb = SmtpCommands.verbOf(line);
        Verbs.Command command = SmtpCommands.lookup(verb);
        outstanding.add(SmtpCommands.answering(command.verb()));
        Annotation annotation = Annotation.command(command.verb(), command.meaning(), command.reference());
        // RFC 4954 §4: AUTH mechanism [initial-response]; the initial response carries the credentials.
        String redacted = "AUTH".equals(command.verb()) ? Secrets.afterWords(line, 2) : null;
        return send(line, annotation, true, redacted);
    }

    /** One typed line of message text; a raw line is sent exactly as typed, without dot-stuffing. */
    private ClientWrite payloadLine(String line, boolean raw) {
        if (line.equals(".")) {
            mode = Mode.COMMAND;
            outstanding.add(SmtpAnswering.MESSAGE_END);
            ClientLine end = endOfMessage();
            return new ClientWrite.Send(bytes(".\r\n"), List.of(end), true);
        }
        ClientLine shown = raw
                ? new ClientLine(line, Terminator.CRLF, Annotation.payload("Message text, sent raw: not dot-stuffed"
                        + (line.startsWith(".") ? ", so the server will remove its leading dot." : ".")))
                : stuffed(line);
        return new ClientWrite.Send(bytes(shown.text() + "\r\n"), List.of(shown), false);
    }

    private ClientWrite authResponse(String line) {
        mode = Mode.COMMAND;
        outstanding.add(SmtpAnswering.AUTH_RESPONSE);
        String meaning = line.strip().equals("*")
                ? "Cancels the AUTH exchange; the server answers 501."
                : "A base64 response to the server's AUTH challenge, not a command.";
        return send(line, new Annotation(Annotation.COMMAND, null, null, meaning, null, "RFC 4954 §4"), true,
                Secrets.saslResponse(line));
    }

    private static ClientLine stuffed(String line) {
        if (line.startsWith(".")) {
            return new ClientLine("." + line, Terminator.CRLF, Annotation.payload("Dot-stuffed: Parley added a '.' because the line"
                    + " begins with one (RFC 5321 §4.5.2). So it cannot end the message; the server removes the extra"
                    + " dot. Message text."));
        }
        return new ClientLine(line, Terminator.CRLF, Annotation.payload("Message text."));
    }

    private static ClientLine endOfMessage() {
        return new ClientLine(".", Terminator.CRLF, Annotation.payload("A line with only '.': CRLF.CRLF ends the message"
                + " (RFC 5321 §4.1.1.4); the server now answers for the whole message."));
    }

    private void onLine(LineBuffer.RawLine line, List<DialectEvent> events) {
        replyOctets += line.octets();
        if (replyOctets > limits.maxAnswerOctets()) {
            stop(events, String.format(Locale.ROOT, "The server's reply grew past the %,d-octet limit for one answer.", limits.maxAnswerOctets()));
            return;
        }
        SmtpAnswering answering = outstanding.isEmpty() ? SmtpAnswering.NONE : outstanding.peekFirst();
        SmtpReplyAggregator.Outcome outcome = replies.accept(line.text(), answering);
        if (!outcome.ends()) {
            if (shown.admit(line.octets())) {
                events.add(new ServerLine(line.text(), line.terminator(), outcome.annotation()));
            }
            return;
        }
        // The line that ends a reply carries its code: always shown, after a word on what was not.
        shown.end("line of this reply", "lines of this reply").ifPresent(events::add);
        events.add(new ServerLine(line.text(), line.terminator(), outcome.annotation()));
        replyOctets = 0;
        if (answering == SmtpAnswering.NONE) {
            events.add(new Notice("The server sent this reply although no command was waiting for one."));
            return;
        }
        answered(outcome.status(), events);
        switch (answering) {
            case DATA -> {
                if (line.text().startsWith("354") && outcome.status() == Status.CONTINUE) {
                    mode = Mode.PAYLOAD;
                } else {
                    events.add(new DropHeldInput("The server refused DATA (" + line.text().strip()
                            + "): there is no message to write, and the next line you type is a command again.",
                            "typed after DATA as message text"));
                }
            }
            case AUTH, AUTH_RESPONSE -> mode = outcome.status() == Status.CONTINUE && line.text().startsWith("334")
                    ? Mode.AUTH_RESPONSE : Mode.COMMAND;
            case STARTTLS -> {
                if (line.text().startsWith("220") && outcome.status() == Status.OK) {
                    // RFC 3207 §4.2 and the STARTTLS injection attacks: bytes after the go-ahead
                    // arrived in plaintext and must not be read as if they came over TLS.
                    int discarded = lines.discard();
                    mode = Mode.COMMAND;
                    replies.reset();
                    events.add(new TlsGoAhead(discarded));
                } else {
                    events.add(new DropHeldInput("The server refused STARTTLS (" + line.text().strip()
                            + "): the connection stays unencrypted.", "typed after STARTTLS"));
                }
            }
            default -> {
            }
        }
    }

    private void answered(Status status, List<DialectEvent> events) {
        outstanding.pollFirst();
        events.add(new Complete(status));
    }

    private void stop(List<DialectEvent> events, String message) {
        lines.stop(events, message);
    }

    private static ClientWrite send(String line, Annotation annotation, boolean expectsAnswer, String redacted) {
        return ClientWrite.line(line, annotation, expectsAnswer, redacted);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

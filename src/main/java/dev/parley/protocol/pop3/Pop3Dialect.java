package dev.parley.protocol.pop3;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
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
import dev.parley.protocol.Status;
import dev.parley.protocol.Verbs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * POP3 framing (RFC 1939 §3): every answer starts with a status line ({@code +OK}/{@code -ERR}); a
 * {@code +OK} to RETR, TOP, CAPA, or LIST/UIDL/AUTH without argument goes on until a line with only
 * {@code .}, which the dialect knows from its FIFO of outstanding commands (answers come in order,
 * also with PIPELINING, RFC 2449 §6.6). A {@code -ERR} is always one line.
 *
 * <p>STLS (RFC 2595 §4) holds typed input until its answer; {@code +OK} discards whatever the
 * server sent after it and starts TLS, {@code -ERR} drops the held lines. AUTH with a mechanism
 * (RFC 5034 §4) also holds input: a {@code +} continuation makes the next typed line a base64
 * response, any other answer lets held lines go out as commands.
 *
 * <p>Inside a multi-line answer lines are shown exactly as on the wire (a stuffed {@code ..} included),
 * up to {@link FramingLimits#maxShownOctetsPerAnswer()}; further lines are counted, not shown.
 */
public final class Pop3Dialect implements Dialect {

    private enum Phase {
        /** The next line is a status line. */
        STATUS,
        /** Inside a multi-line answer, until the lone dot. */
        LISTING
    }

    private final FramingLimits limits;
    private final LineStream lines;
    private final Deque<Pop3Pending> outstanding = new ArrayDeque<>();
    private Phase phase = Phase.STATUS;
    private Pop3Listing listing;
    private boolean saslResponseNext;

    public Pop3Dialect(FramingLimits limits) {
        this.limits = limits;
        this.lines = new LineStream(limits.maxLineOctets());
        outstanding.add(Pop3Pending.GREETING);
    }

    @Override
    public Protocol protocol() {
        return Protocol.POP3;
    }

    @Override
    public boolean holdsClientInput() {
        return outstanding.stream().anyMatch(Pop3Pending::holdsInput);
    }

    @Override
    public List<DialectEvent> read(byte[] bytes, int offset, int length) {
        return lines.read(bytes, offset, length, this::onLine);
    }

    /** The server closed: a partial last line is still read; a multi-line answer cut short ends with ERROR. */
    @Override
    public List<DialectEvent> endOfInput() {
        List<DialectEvent> events = new ArrayList<>();
        if (lines.end(this::onLine, events) && phase == Phase.LISTING) {
            hiddenNotice(events);
            events.add(new Notice("The server closed the connection before the end of this multi-line answer:"
                    + " its terminating line with only '.' never came."));
            phase = Phase.STATUS;
            answered(Status.ERROR, events);
        }
        return events;
    }

    @Override
    public ClientWrite write(String line, boolean raw) {
        ClientWrite.Reject lineBreak = ClientWrite.lineBreakIn(line);
        if (lineBreak != null) {
            return lineBreak;
        }
        Annotation annotation;
        String redacted;
        if (saslResponseNext) {
            redacted = Secrets.saslResponse(line);
            saslResponseNext = false;
            outstanding.add(Pop3Pending.AUTH_RESPONSE);
            annotation = new Annotation(Annotation.COMMAND, null, null, line.strip().equals("*")
                    ? "Cancels the AUTH exchange; the server answers -ERR."
                    : "A base64 response to the server's AUTH challenge, not a command.", null, "RFC 5034 §4");
        } else {
            Verbs.Command command = Pop3Commands.lookup(Pop3Commands.verbOf(line));
            outstanding.add(Pop3Commands.pending(line));
            annotation = Annotation.command(command.verb(), command.meaning(), command.reference());
            redacted = redact(command.verb(), line);
        }
        return ClientWrite.line(line, annotation, true, redacted);
    }

    /**
     * The secret a command carries, masked: the password of PASS (RFC 1939 §7) and the initial
     * response of {@code AUTH mechanism initial-response} (RFC 5034 §4), e.g. {@code AUTH PLAIN ********}.
     * Responses to {@code +} challenges are masked whole in {@link #write}.
     */
    static String redact(String verb, String line) {
        return switch (verb) {
            case "PASS" -> Secrets.afterWords(line, 1);
            // APOP name digest: the digest proves the secret for this greeting only, but it is
            // still derived from the password, so it is not kept either (RFC 1939 §7).
            case "AUTH", "APOP" -> Secrets.afterWords(line, 2);
            default -> null;
        };
    }

    /** POP3 clients send no bodies: in POP3 the payload belongs to the server (RETR). */
    @Override
    public ClientWrite payload(String text) {
        return new ClientWrite.Reject("POP3 has no message body for the client to send: the server sends messages (RETR),"
                + " the client only sends commands. To send mail, use SMTP.");
    }

    private void onLine(LineBuffer.RawLine line, List<DialectEvent> events) {
        if (phase == Phase.LISTING) {
            onListingLine(line, events);
            return;
        }
        Pop3Pending pending = outstanding.peekFirst();
        Pop3Replies.StatusLine status = Pop3Replies.parse(line.text(), pending);
        events.add(new ServerLine(line.text(), line.terminator(), status.annotation()));
        if (pending == null) {
            events.add(new Notice("The server sent this answer although no command was waiting for one."));
            return;
        }
        if (status.status() == Status.OK && pending.multiLine()) {
            phase = Phase.LISTING;
            listing = new Pop3Listing(pending.verb(), limits);
            return;
        }
        answered(status.status(), events);
        if (pending.role() == Pop3Pending.Role.SASL) {
            saslResponseNext = status.status() == Status.CONTINUE;
        } else if (pending.role() == Pop3Pending.Role.STLS) {
            if (status.status() == Status.OK) {
                // RFC 2595 §4 and the STARTTLS injection attacks: bytes after +OK came in plaintext.
                events.add(new TlsGoAhead(lines.discard()));
            } else {
                events.add(new DropHeldInput("The server refused STLS (" + line.text().strip()
                        + "): the connection stays unencrypted.", "typed after STLS"));
            }
        }
    }

    private void onListingLine(LineBuffer.RawLine line, List<DialectEvent> events) {
        if (listing.count(line.octets()) > limits.maxAnswerOctets()) {
            stop(events, String.format(Locale.ROOT, "The server's multi-line answer grew past the %,d-octet limit for one answer.",
                    limits.maxAnswerOctets()));
            return;
        }
        if (line.text().equals(".")) {
            hiddenNotice(events);
            events.add(new ServerLine(line.text(), line.terminator(), Pop3Listing.terminator()));
            phase = Phase.STATUS;
            listing = null;
            answered(Status.OK, events);
            return;
        }
        if (listing.show(line.octets())) {
            events.add(new ServerLine(line.text(), line.terminator(), listing.annotate(line.text())));
        }
    }

    private void hiddenNotice(List<DialectEvent> events) {
        if (listing != null) {
            listing.end().ifPresent(events::add);
        }
    }

    private void answered(Status status, List<DialectEvent> events) {
        outstanding.pollFirst();
        events.add(new Complete(status));
    }

    private void stop(List<DialectEvent> events, String message) {
        lines.stop(events, message);
    }
}

package dev.parley.protocol.raw;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.LineBuffer;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.ShownBudget;
import dev.parley.protocol.Status;
import dev.parley.protocol.Terminator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Any line protocol on any port: Parley knows nothing of its framing, so it only frames lines
 * and lets silence end an answer.
 *
 * <ul>
 *   <li>A typed line is sent as typed plus CRLF, and expects an answer.</li>
 *   <li>{@link #payload} sends the text as-is, except that every line end (CRLF, bare LF or bare
 *       CR) becomes CRLF, the line end every Internet line protocol uses. Nothing is appended: end
 *       the text with a new line if the server waits for one.</li>
 *   <li>Server bytes are shown as data lines with their real terminator (a bare LF stays
 *       visible). An answer is complete only when the server goes quiet: {@link #quiet()} emits
 *       Complete(OK) if any octet arrived since the last completion. A line still without its
 *       terminator at that moment is shown then, with {@link Terminator#NONE}; octets that arrive
 *       later start a new line, because what was shown cannot be taken back. A greeting is just
 *       lines followed by quiet.</li>
 *   <li>Limits: lines past {@code maxLineOctets} and answers past {@code maxAnswerOctets} end the
 *       session; past {@code maxShownOctetsPerAnswer} lines are counted, not shown, and a Notice
 *       says how many octets were hidden.</li>
 * </ul>
 */
public final class RawDialect implements Dialect {

    private final FramingLimits limits;
    private final LineBuffer buffer;
    private final ShownBudget shown;
    private long answerOctets;
    private boolean stopped;

    public RawDialect(FramingLimits limits) {
        this.limits = limits;
        this.buffer = new LineBuffer(limits.maxLineOctets());
        this.shown = new ShownBudget(limits);
    }

    @Override
    public Protocol protocol() {
        return Protocol.RAW;
    }

    @Override
    public List<DialectEvent> read(byte[] bytes, int offset, int length) {
        List<DialectEvent> out = new ArrayList<>();
        if (stopped) {
            return out;
        }
        long allowed = limits.maxAnswerOctets() - answerOctets;
        int accepted = (int) Math.min(length, allowed);
        buffer.append(bytes, offset, accepted);
        answerOctets += accepted;
        while (true) {
            LineBuffer.LineResult result = buffer.nextLine();
            if (result.needMore()) {
                break;
            }
            if (result.overlong() != null) {
                stop(result.overlong(), out);
                return out;
            }
            show(result.line(), out);
        }
        if (accepted < length) {
            stop(String.format(Locale.ROOT, "The server sent %,d octets or more without a pause, over the %,d-octet"
                    + " limit for one answer.", answerOctets + 1, limits.maxAnswerOctets()), out);
        }
        return out;
    }

    @Override
    public List<DialectEvent> endOfInput() {
        List<DialectEvent> out = finishAnswer();
        stopped = true;
        return out;
    }

    @Override
    public boolean completesOnQuiet() {
        return true;
    }

    @Override
    public List<DialectEvent> quiet() {
        return finishAnswer();
    }

    @Override
    public ClientWrite write(String line, boolean raw) {
        ClientWrite.Reject lineBreak = ClientWrite.lineBreakIn(line);
        if (lineBreak != null) {
            return lineBreak;
        }
        return ClientWrite.line(line, RawCommands.annotate(line), true, null);
    }

    @Override
    public ClientWrite payload(String text) {
        if (text.isEmpty()) {
            return new ClientWrite.Reject("The payload is empty: there is nothing to send.");
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        List<ClientWrite.ClientLine> lines = new ArrayList<>();
        Annotation annotation = Annotation.payload("Sent as-is, with each line end made CRLF.");
        int start = 0;
        while (start < normalised.length()) {
            int lf = normalised.indexOf('\n', start);
            int end = lf < 0 ? normalised.length() : lf;
            lines.add(new ClientWrite.ClientLine(normalised.substring(start, end),
                    lf < 0 ? Terminator.NONE : Terminator.CRLF, annotation));
            start = end + 1;
        }
        byte[] bytes = normalised.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return new ClientWrite.Send(bytes, lines, true);
    }

    /** Ends the current answer if any octet arrived since the last one: flush, notice, Complete(OK). */
    private List<DialectEvent> finishAnswer() {
        List<DialectEvent> out = new ArrayList<>();
        if (stopped || answerOctets == 0) {
            return out;
        }
        LineBuffer.RawLine rest = buffer.rest();
        if (rest != null) {
            show(rest, out);
        }
        shown.end("line of this answer", "lines of this answer").ifPresent(out::add);
        out.add(new DialectEvent.Complete(Status.OK));
        answerOctets = 0;
        return out;
    }

    private void show(LineBuffer.RawLine line, List<DialectEvent> out) {
        if (!shown.admit(line.octets())) {
            return;
        }
        String meaning = switch (line.terminator()) {
            case CRLF -> "A line from the server; Parley does not know this protocol.";
            case LF -> "A line from the server, ended by a bare LF instead of CRLF.";
            case NONE -> "Part of a line without its end: the server went quiet (or closed) before ending it."
                    + " Octets that follow start a new line.";
        };
        out.add(new DialectEvent.ServerLine(line.text(), line.terminator(), Annotation.data(meaning, null)));
    }

    private void stop(String message, List<DialectEvent> out) {
        buffer.clear();
        stopped = true;
        out.add(new DialectEvent.LimitExceeded(message));
    }
}

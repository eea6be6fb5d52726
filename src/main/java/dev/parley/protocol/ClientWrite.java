package dev.parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a dialect decides to do with a line or payload the user typed. */
public sealed interface ClientWrite {

    /**
     * Write {@code bytes} to the server; {@code lines} are the same bytes as the learner should
     * see them ({@code C:} lines, after tagging and dot-stuffing).
     *
     * @param expectsAnswer true when this write completes a command the server will answer
     *                      (false for SMTP payload lines before the final dot, or HTTP header lines)
     * @param answerTag     the IMAP tag the answer will carry ({@link DialectEvent.Complete#tag()}), or null
     */
    record Send(byte[] bytes, List<ClientLine> lines, boolean expectsAnswer, String answerTag) implements ClientWrite {

        /** A write whose answer comes in order (every protocol but IMAP's tagged commands). */
        public Send(byte[] bytes, List<ClientLine> lines, boolean expectsAnswer) {
            this(bytes, lines, expectsAnswer, null);
        }
    }

    /** One typed line written as it is, with the CRLF every protocol here ends a line with. */
    static Send line(String text, Annotation annotation, boolean expectsAnswer, String redacted) {
        return new Send((text + "\r\n").getBytes(StandardCharsets.UTF_8),
                List.of(new ClientLine(text, Terminator.CRLF, annotation, redacted)), expectsAnswer);
    }

    /**
     * A typed line is one line: a CR or LF inside it would smuggle a second command past the
     * dialect's framing (and past redaction). Every dialect and the session check with this.
     *
     * @return the refusal, or null when the line has no line break
     */
    static Reject lineBreakIn(String line) {
        return line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0
                ? new Reject("A line cannot contain line breaks (CR or LF): send each line on its own, or use"
                        + " payload for a whole message.")
                : null;
    }

    /** The write makes no sense now; {@code reason} is a sentence for the learner. Nothing is sent. */
    record Reject(String reason) implements ClientWrite {
    }

    /**
     * One client line as written, without its terminator.
     *
     * @param redacted the same line with its secrets masked ({@code PASS ********}), or null when
     *                 it carries none. The dialect knows which lines carry secrets (it tracks AUTH
     *                 exchanges and IMAP literals), so masking happens here, at capture, once.
     */
    record ClientLine(String text, Terminator terminator, Annotation annotation, String redacted) {

        public ClientLine(String text, Terminator terminator, Annotation annotation) {
            this(text, terminator, annotation, null);
        }
    }
}

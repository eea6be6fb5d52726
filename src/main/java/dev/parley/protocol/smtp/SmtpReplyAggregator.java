package dev.parley.protocol.smtp;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.Status;
import java.util.function.Supplier;

/**
 * Joins server lines into replies, on top of the line framer: {@code 250-} lines continue a reply,
 * a {@code 250 } (or bare {@code 250}) line ends it (RFC 5321 §4.2.1). Every line gets an annotation;
 * the reply's status is known when it ends.
 *
 * <p>Malformed lines are values, and how each one affects completion is fixed here:
 * <ul>
 * <li>too short (fewer than three characters) or a non-numeric code: the line cannot be a
 *     continuation, so it ends the reply, with {@link Status#ERROR};</li>
 * <li>no space or hyphen after the code ({@code 250OK}): nothing says more lines follow, so it is
 *     read as the last line, and the reply ends with {@link Status#ERROR};</li>
 * <li>a line of a multi-line reply whose code differs from the first line's: its separator still
 *     counts ({@code -} keeps the reply open, a space ends it), but the reply ends with
 *     {@link Status#ERROR} whatever its codes, since its lines disagree.</li>
 * </ul>
 * Lines that are malformed carry a {@code malformed} annotation with the code (when the line has
 * one) and whether the line ended the reply.
 */
final class SmtpReplyAggregator {

    /**
     * What one line did: when it ended the reply, the reply's status; and its annotation, built only
     * when asked for — a line past the display limit is framed and counted but never shown, and
     * explaining it would cost more than framing it (issue #13: the meaning of every line of a 1 MB
     * EHLO reply was built and thrown away).
     */
    record Outcome(Supplier<Annotation> explanation, boolean ends, Status status) {

        Annotation annotation() {
            return explanation.get();
        }
    }

    private static final String GRAMMAR = "RFC 5321 §4.2";

    private String firstCode;
    private boolean inconsistent;

    /** True between the first and the last line of a multi-line reply. */
    boolean inReply() {
        return firstCode != null;
    }

    Outcome accept(String line, SmtpAnswering answering) {
        SmtpReplyLine reply = SmtpReplyLine.parse(line);
        boolean first = firstCode == null;
        switch (reply.form()) {
            case TOO_SHORT:
                return endMalformed(null, "A reply line starts with a three-digit code, but this line has only "
                        + line.length() + " character" + (line.length() == 1 ? "" : "s") + ". Parley ends the reply here and counts it as an error.");
            case NON_NUMERIC:
                return endMalformed(null, "A reply line starts with a three-digit code, but this one starts with \u201c"
                        + line.substring(0, 3) + "\u201d. Parley ends the reply here and counts it as an error.");
            case NO_SEPARATOR:
                return endMalformed(reply.code(), "After the reply code " + reply.code() + " comes a space (last line) or a hyphen"
                        + " (more lines follow); this line has neither. Parley reads it as the last line and counts the reply as an error.");
            default:
                break;
        }
        boolean last = reply.form() == SmtpReplyLine.Form.LAST;
        Supplier<Annotation> annotation;
        if (!first && !reply.code().equals(firstCode)) {
            inconsistent = true;
            String expected = firstCode;
            annotation = () -> new Annotation(Annotation.MALFORMED, reply.code(), null, "This line's code " + reply.code()
                    + " differs from the first line's " + expected + "; every line of a reply must carry the same code (RFC 5321 §4.2.1). "
                    + (last ? "Its space still ends the reply, which counts as an error."
                            : "Its hyphen still says more lines follow; the reply will count as an error."), last, GRAMMAR);
        } else {
            annotation = () -> {
                Meaning meaning = SmtpReplies.explain(reply.code(), reply.text(), answering, first);
                return Annotation.reply(reply.code(), meaning.text(), last, meaning.reference());
            };
        }
        if (first) {
            firstCode = reply.code();
        }
        if (!last) {
            return new Outcome(annotation, false, null);
        }
        Status status = inconsistent ? Status.ERROR : SmtpReplies.status(firstCode);
        reset();
        return new Outcome(annotation, true, status);
    }

    /** Forgets a reply in progress (the connection ended, or TLS starts afresh). */
    void reset() {
        firstCode = null;
        inconsistent = false;
    }

    private Outcome endMalformed(String code, String meaning) {
        reset();
        Annotation annotation = new Annotation(Annotation.MALFORMED, code, null, meaning, true, GRAMMAR);
        return new Outcome(() -> annotation, true, Status.ERROR);
    }
}

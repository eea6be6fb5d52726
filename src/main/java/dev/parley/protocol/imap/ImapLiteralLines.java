package dev.parley.protocol.imap;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * The {@link ImapLiteral} rule for readers that only have lines, not the bytes (a transcript's
 * {@code S:} lines, an expected answer written by hand): after a line announcing {@code {n}}, the
 * following lines are the literal's until their octets (each with its CRLF) add up to n. A
 * placeholder line ({@code <…>}) stands for a whole literal whatever its size. The framer itself
 * reads literals by count from the bytes ({@link ImapResponseReader}); this is the same rule seen
 * through lines.
 */
public final class ImapLiteralLines {

    private final Predicate<String> placeholder;
    private long remaining;

    /** @param placeholder which lines stand for "any lines here" */
    public ImapLiteralLines(Predicate<String> placeholder) {
        this.placeholder = placeholder;
    }

    /** True when {@code line} is inside a literal announced earlier (it is data, not a response line). */
    public boolean inLiteral(String line) {
        if (remaining > 0) {
            remaining = placeholder.test(line) ? 0 : remaining - line.getBytes(StandardCharsets.UTF_8).length - 2;
            if (remaining < 0) {
                remaining = 0;
            }
            return true;
        }
        ImapLiteral announced = ImapLiteral.at(line);
        if (announced != null && announced.valid()) {
            remaining = announced.octets();
        }
        return false;
    }
}

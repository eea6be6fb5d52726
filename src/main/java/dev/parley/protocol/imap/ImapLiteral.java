package dev.parley.protocol.imap;

import java.util.Locale;

/**
 * The literal announcement a line may end with: {@code {n}} (synchronising), {@code {n+}}
 * (non-synchronising, RFC 7888 LITERAL+) or {@code ~{n}} (literal8, RFC 9051 §4.3 / RFC 3516).
 * The next {@code n} octets after the line's CRLF are the literal, read by count, CRLFs inside
 * included. A line ending in braces that hold no number is reported as a problem, not guessed at.
 * Public so that the one rule also serves library mode, which reads IMAP in Jakarta Mail's debug output.
 *
 * @param octets         the announced count (meaningful only when {@code problem} is null)
 * @param nonSynchronising the {@code +} form: the sender does not wait for a {@code +} continuation
 * @param binary         the {@code ~} (literal8) form: any octet, NUL included, may appear
 * @param problem        why the braces at the end of the line are not a literal; null when they are
 * @param tooLarge       the count has more digits than a {@code long} can hold (certainly over any limit)
 */
public record ImapLiteral(long octets, boolean nonSynchronising, boolean binary, String problem, boolean tooLarge) {

    /** RFC 9051 §4.3: "number" is at most 4,294,967,295; 19 digits always fit in a long. */
    private static final int MAX_DIGITS = 18;

    /** The literal the line ends with, or null when the line does not end in braces at all. */
    public static ImapLiteral at(String line) {
        if (!line.endsWith("}")) {
            return null;
        }
        int open = line.lastIndexOf('{');
        if (open < 0) {
            return null;
        }
        String inside = line.substring(open + 1, line.length() - 1);
        boolean plus = inside.endsWith("+");
        String digits = plus ? inside.substring(0, inside.length() - 1) : inside;
        boolean binary = open > 0 && line.charAt(open - 1) == '~';
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new ImapLiteral(0, plus, binary, String.format(Locale.ROOT,
                    "The line ends in {%s}, which looks like a literal announcement, but \"%s\" is not a number"
                            + " of octets; it is not read as a literal (RFC 9051 §4.3: a literal is {number}).",
                    inside, digits), false);
        }
        if (digits.length() > MAX_DIGITS) {
            return new ImapLiteral(Long.MAX_VALUE, plus, binary, null, true);
        }
        return new ImapLiteral(Long.parseLong(digits), plus, binary, null, false);
    }

    public boolean valid() {
        return problem == null;
    }

    /** The announcement as a learner reads it, e.g. "the next 1,425 octets are a literal". */
    String describe() {
        String form = binary ? "a literal8 (binary, may hold any octet)" : "a literal";
        String count = tooLarge ? "an absurd number of" : String.format(Locale.ROOT, "%,d", octets);
        return "Ends in {" + (tooLarge ? "…" : octets) + (nonSynchronising ? "+" : "") + "}: the next " + count
                + " octets are " + form + ", read by count, not by line (RFC 9051 §4.3).";
    }
}

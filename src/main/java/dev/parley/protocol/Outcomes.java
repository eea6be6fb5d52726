package dev.parley.protocol;

import dev.parley.protocol.imap.ImapLiteralLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What each protocol defines as the outcome of an answer (replay's {@code match: codes}): the rest
 * of a reply line is free text a server may word as it likes, so a replay against another server
 * compares only these. It reads expected answers written by hand as well as real ones, so lines
 * that stand for "any lines here" (a transcript's {@code <…>} placeholders) are named by the caller.
 */
public final class Outcomes {

    private static final Pattern SMTP_LAST = Pattern.compile("^(\\d{3})(?: .*)?$");
    private static final Pattern HTTP_STATUS = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})(?: .*)?$");

    private Outcomes() {
    }

    /**
     * The outcomes of a run of server lines: SMTP the code of each reply's last line (RFC 5321
     * §4.2.1); POP3 the status of the first line (RFC 1939 §3); IMAP the status of each tagged
     * line and each {@code +}, or for a greeting its {@code * OK|PREAUTH|BYE} (RFC 9051 §7.1); HTTP
     * the status code of each status line (RFC 9112 §4). Null for RAW: it has no outcome, so the
     * lines themselves are compared.
     */
    public static List<String> of(Protocol protocol, List<String> lines, Predicate<String> anyLines) {
        // An expression, so that a new protocol does not compile until it says what its outcome is.
        return switch (protocol) {
            case SMTP -> matching(SMTP_LAST, lines);
            case HTTP -> matching(HTTP_STATUS, lines);
            case POP3 -> pop3(lines, anyLines);
            case IMAP -> imap(lines, anyLines);
            case RAW -> null;
        };
    }

    private static List<String> pop3(List<String> lines, Predicate<String> anyLines) {
        List<String> concrete = lines.stream().filter(anyLines.negate()).toList();
        if (concrete.isEmpty()) {
            return List.of();
        }
        String first = word(concrete.getFirst(), 0);
        return List.of(first.equals("+OK") || first.equals("-ERR") ? first : first.startsWith("+") ? "+" : "?");
    }

    /** IMAP, skipping the lines of literals ({@link ImapLiteralLines}). */
    private static List<String> imap(List<String> lines, Predicate<String> anyLines) {
        List<String> out = new ArrayList<>();
        ImapLiteralLines literals = new ImapLiteralLines(anyLines);
        for (String line : lines) {
            if (literals.inLiteral(line)) {
                continue;
            }
            String first = word(line, 0);
            if (first.equals("+")) {
                out.add("+");
            } else if (!first.equals("*") && !first.isEmpty()) {
                // tag SP (OK / NO / BAD): a line after a literal, such as ")", is not a completion
                String status = word(line, 1).toUpperCase(Locale.ROOT);
                if (status.equals("OK") || status.equals("NO") || status.equals("BAD")) {
                    out.add(status);
                }
            }
        }
        if (out.isEmpty() && !lines.isEmpty() && word(lines.getFirst(), 0).equals("*")) {
            out.add("* " + word(lines.getFirst(), 1).toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private static List<String> matching(Pattern pattern, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            var m = pattern.matcher(line);
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String word(String line, int index) {
        String[] words = line.strip().split(" +");
        return index < words.length ? words[index] : "";
    }
}

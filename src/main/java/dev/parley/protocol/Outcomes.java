package dev.parley.protocol;

import dev.parley.protocol.imap.ImapLiteral;
import java.nio.charset.StandardCharsets;
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
        List<String> out = new ArrayList<>();
        switch (protocol) {
            case SMTP -> lines.forEach(l -> group(SMTP_LAST, l, out));
            case HTTP -> lines.forEach(l -> group(HTTP_STATUS, l, out));
            case POP3 -> {
                List<String> concrete = lines.stream().filter(anyLines.negate()).toList();
                if (!concrete.isEmpty()) {
                    String first = word(concrete.getFirst(), 0);
                    out.add(first.equals("+OK") || first.equals("-ERR") ? first : first.startsWith("+") ? "+" : "?");
                }
            }
            case IMAP -> imap(lines, anyLines, out);
            case RAW -> {
                return null;
            }
        }
        return out;
    }

    /** IMAP, skipping the lines of literals ({@code {n}} at a line's end announces n octets, RFC 9051 §4.3). */
    private static void imap(List<String> lines, Predicate<String> anyLines, List<String> out) {
        long literal = 0;
        for (String line : lines) {
            if (literal > 0) {
                boolean placeholder = anyLines.test(line);
                literal = placeholder ? 0 : literal - line.getBytes(StandardCharsets.UTF_8).length - 2;
                continue;
            }
            ImapLiteral announced = ImapLiteral.at(line);
            if (announced != null && announced.valid()) {
                literal = announced.octets();
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
    }

    private static void group(Pattern pattern, String line, List<String> out) {
        var m = pattern.matcher(line);
        if (m.matches()) {
            out.add(m.group(1));
        }
    }

    private static String word(String line, int index) {
        String[] words = line.strip().split(" +");
        return index < words.length ? words[index] : "";
    }
}

package dev.parley.protocol.imap;

import dev.parley.protocol.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Finds the password of {@code LOGIN userid password} (RFC 9051 §6.2.3) in whatever form it is
 * written: an atom, a quoted string, or a literal ({@code {n}} at the end of the line, its octets on
 * the next typed line or lines, RFC 9051 §4.3). The user name may itself be a literal, in which case
 * the password follows on the literal's line. Only the password is masked; the tag, the verb and
 * the user name stay, so {@code A0001 LOGIN bob ********} still teaches what LOGIN looks like.
 *
 * <p>A literal password is masked a whole line at a time: those lines carry nothing else worth
 * showing. One instance follows the commands of one connection, one command at a time.
 */
final class ImapLoginSecrets {

    private static final Pattern LITERAL = Pattern.compile("\\{\\d+\\+?}");

    /** True while the command being written is a LOGIN. */
    private boolean active;
    /** Arguments of the current LOGIN seen so far: 1 the user name, 2 the password. */
    private int argument;
    /** True while the literal being sent is the password. */
    private boolean secretLiteral;

    /**
     * A new command line; {@code verb} upper-cased, {@code verbWord} its position (1 after a tag, 0
     * for a line sent raw without one). Returns the line with its password masked, or null.
     */
    String command(String text, String verb, int verbWord) {
        active = "LOGIN".equals(verb);
        argument = 0;
        secretLiteral = false;
        if (!active) {
            return null;
        }
        return scan(text, afterWords(text, verbWord + 1));
    }

    /**
     * A line typed as literal data; {@code owed} octets of the literal were still to come. Returns
     * the line masked, or null when it carries no password.
     */
    String literalLine(String line, long owed) {
        if (!active) {
            return null;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (secretLiteral && owed == 0) {
            // The password literal ended with the CRLF of the previous line: this line only ends the command.
            secretLiteral = false;
            active = false;
            return null;
        }
        if (secretLiteral) {
            if (bytes.length >= owed) {
                secretLiteral = false;
                active = false;
            }
            return Secrets.MASK;
        }
        if (bytes.length < owed) {
            return null;
        }
        int restStart = new String(bytes, 0, (int) owed, StandardCharsets.UTF_8).length();
        return scan(line, restStart);
    }

    /** Walks the astrings from {@code from}, masking the second argument if it is an atom or quoted string. */
    private String scan(String text, int from) {
        int at = from;
        int length = text.length();
        while (at < length) {
            while (at < length && text.charAt(at) == ' ') {
                at++;
            }
            if (at >= length) {
                break;
            }
            int end = tokenEnd(text, at);
            argument++;
            boolean literal = LITERAL.matcher(text.substring(at, end)).matches() && end == length;
            if (argument == 2) {
                if (literal) {
                    secretLiteral = true;
                    return null;
                }
                active = false;
                return Secrets.between(text, at, end);
            }
            at = end;
        }
        return null;
    }

    /** The end of the token at {@code start}: a quoted string with its escapes, or up to the next space. */
    private static int tokenEnd(String text, int start) {
        if (text.charAt(start) == '"') {
            int at = start + 1;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '\\') {
                    at += 2;
                    continue;
                }
                if (c == '"') {
                    return at + 1;
                }
                at++;
            }
            return text.length();
        }
        int space = text.indexOf(' ', start);
        return space < 0 ? text.length() : space;
    }

    /** The index just after the first {@code count} space-separated words (and the spaces after them). */
    static int afterWords(String text, int count) {
        int at = 0;
        for (int word = 0; word < count; word++) {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            while (at < text.length() && text.charAt(at) != ' ') {
                at++;
            }
        }
        return at;
    }
}

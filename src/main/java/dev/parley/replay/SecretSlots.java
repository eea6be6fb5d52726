package dev.parley.replay;

import dev.parley.protocol.Protocol;
import dev.parley.protocol.Secrets;
import java.util.Locale;

/**
 * Where a stored transcript masked a secret in a {@code C:} line, and which variable fills it on
 * replay: Parley never sends {@code ********} as if it were the password. Every transcript Parley
 * stores has its secrets masked (CONTRACTS.md §2), so the masked spot itself names the variable:
 *
 * <ul>
 * <li>{@code PASS ********} (POP3, RFC 1939 §7) and {@code LOGIN user ********} (IMAP, RFC 9051
 *     §6.2.3), including a password sent as an IMAP literal: {@code password};</li>
 * <li>{@code AUTH PLAIN ********} / {@code AUTHENTICATE PLAIN ********} (an initial response,
 *     RFC 4954 §4, RFC 9051 §6.2.2): {@code auth}; {@code APOP user ********}: {@code apop};</li>
 * <li>a SASL response line masked whole (after {@code 334} or {@code +}): {@code sasl}, the next in
 *     a row {@code sasl2}, ...;</li>
 * <li>an HTTP field ({@code Authorization: Basic ********}, {@code Cookie: id=********}): the
 *     field's name in lower case, {@code authorization}, {@code cookie};</li>
 * <li>any other command: its verb in lower case. When one line holds several, the second is
 *     {@code name2}, and so on.</li>
 * </ul>
 *
 * One instance reads one transcript's client lines in order (the SASL and literal rules look at
 * the line before).
 */
final class SecretSlots {

    private final Protocol protocol;
    private int saslInARow;
    private boolean loginLiteralOwed;

    SecretSlots(Protocol protocol) {
        this.protocol = protocol;
    }

    /** The client line with each masked spot written as {@code ${name}}; the line itself when it has none. */
    String fill(String line) {
        boolean whole = line.strip().equals(Secrets.MASK);
        boolean loginLiteral = loginLiteralOwed;
        loginLiteralOwed = protocol == Protocol.IMAP && verb(line).equals("LOGIN") && line.stripTrailing().endsWith("}");
        if (!line.contains(Secrets.MASK)) {
            saslInARow = 0;
            return line;
        }
        String name;
        if (whole && loginLiteral) {
            name = "password";
        } else if (whole) {
            saslInARow++;
            return "${sasl" + (saslInARow == 1 ? "" : String.valueOf(saslInARow)) + "}";
        } else {
            name = nameFor(line);
        }
        saslInARow = 0;
        StringBuilder out = new StringBuilder();
        int at = 0;
        int count = 0;
        for (int found = line.indexOf(Secrets.MASK); found >= 0; found = line.indexOf(Secrets.MASK, at)) {
            count++;
            out.append(line, at, found).append("${").append(name).append(count == 1 ? "" : String.valueOf(count))
                    .append('}');
            at = found + Secrets.MASK.length();
        }
        return out.append(line.substring(at)).toString();
    }

    private String nameFor(String line) {
        if (protocol == Protocol.HTTP) {
            int colon = line.indexOf(':');
            if (colon > 0 && VariableRefs.validName(line.substring(0, colon).strip().replace('-', '_'))) {
                return line.substring(0, colon).strip().replace('-', '_').toLowerCase(Locale.ROOT);
            }
        }
        String verb = verb(line);
        return switch (verb) {
            case "PASS", "LOGIN" -> "password";
            case "AUTH", "AUTHENTICATE" -> "auth";
            default -> VariableRefs.validName(verb) ? verb.toLowerCase(Locale.ROOT) : "secret";
        };
    }

    /** The command's verb, upper-cased: the first word, or for IMAP the word after the tag. */
    private String verb(String line) {
        String[] words = line.strip().split(" +");
        String first = words[0].toUpperCase(Locale.ROOT);
        if (protocol == Protocol.IMAP && words.length > 1 && !first.equals("LOGIN") && !first.equals("AUTHENTICATE")) {
            return words[1].toUpperCase(Locale.ROOT);
        }
        return first;
    }
}

package dev.parley.library;

import dev.parley.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks credentials in a library call's trace, as CONTRACTS.md §2 writes them ({@code ********}).
 *
 * <p>Two layers, because {@code mail.debug.auth} prints everything in clear. First by position,
 * as the protocols put secrets: the password of IMAP {@code LOGIN} (RFC 9051 §6.2.3), POP3
 * {@code PASS} and {@code APOP} (RFC 1939 §7), the initial response of {@code AUTH} /
 * {@code AUTHENTICATE} and every client line of a SASL exchange (RFC 4954 §4, RFC 5034,
 * RFC 9051 §6.2.2), HTTP {@code Authorization}, {@code Cookie} and {@code Set-Cookie} values.
 * Then by knowledge: the call knows the password, so any client line (and any server line of the
 * login exchange) still holding it, in clear, quoted or base64-encoded alone or in a SASL PLAIN
 * message, is masked whole.
 */
final class Redaction {

    static final String MASK = "********";

    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/]{4,}={0,2}$");
    private static final Set<String> HTTP_SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    private final Protocol protocol;
    private final String username;
    private final Set<String> secrets = new LinkedHashSet<>();
    private final String password;
    private final boolean passwordIsUser;

    Redaction(Protocol protocol, String username, String password) {
        this.protocol = protocol;
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
        // A password that is also the user name (demo/demo) cannot be hidden where the name is shown;
        // masking every occurrence would hide addresses too, so only its encoded forms are searched.
        this.passwordIsUser = this.password.equals(this.username);
        if (!this.password.isEmpty()) {
            if (!passwordIsUser) {
                secrets.add(password);
                secrets.add(quoted(password));
            }
            secrets.add(base64(password));
            secrets.add(base64("\0" + this.username + "\0" + password));
            secrets.add(base64(this.username + "\0" + this.username + "\0" + password));
        }
    }

    /** The trace with every secret masked. */
    List<MailTrace.Line> mask(List<MailTrace.Line> trace) {
        List<MailTrace.Line> out = new ArrayList<>(trace.size());
        boolean exchange = false;
        for (MailTrace.Line line : trace) {
            if (line.client()) {
                String positional = exchange ? MASK : byPosition(line.text());
                boolean rewritten = !positional.equals(line.text());
                out.add(new MailTrace.Line('C', rewritten && sameAsUser() ? positional : byKnowledge(positional)));
                exchange = exchange || startsLogin(line.text());
            } else {
                out.add(new MailTrace.Line('S', exchange ? byKnowledge(line.text()) : serverLine(line.text())));
                exchange = exchange && !endsLogin(line.text());
            }
        }
        return out;
    }

    /** A sentence (an error message) with the password removed, unless it is also the user name. */
    String sentence(String text) {
        if (text == null || sameAsUser()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret.length() >= 3) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    private boolean sameAsUser() {
        return passwordIsUser;
    }

    private String byPosition(String text) {
        String[] words = text.split(" ", 4);
        return switch (protocol) {
            case IMAP -> {
                String verb = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
                if (verb.equals("LOGIN") && words.length > 2) {
                    yield imapLogin(text);
                }
                yield verb.equals("AUTHENTICATE") && words.length > 3 ? String.join(" ", words[0], words[1], words[2], MASK)
                        : text;
            }
            case POP3 -> {
                String verb = words[0].toUpperCase(Locale.ROOT);
                if (verb.equals("PASS") && words.length > 1) {
                    yield words[0] + " " + MASK;
                }
                yield (verb.equals("APOP") || verb.equals("AUTH")) && words.length > 2
                        ? words[0] + " " + words[1] + " " + MASK : text;
            }
            case SMTP -> words[0].equalsIgnoreCase("AUTH") && words.length > 2 ? words[0] + " " + words[1] + " " + MASK
                    : text;
            case HTTP -> header(text);
            default -> text;
        };
    }

    /** {@code tag LOGIN user password}: keeps the tag, the verb and the user (atom, quoted string or literal). */
    private static String imapLogin(String text) {
        int verbEnd = text.indexOf(' ', text.indexOf(' ') + 1);
        int i = verbEnd + 1;
        if (i >= text.length()) {
            return text;
        }
        int userEnd;
        if (text.charAt(i) == '"') {
            userEnd = i + 1;
            while (userEnd < text.length() && text.charAt(userEnd) != '"') {
                userEnd += text.charAt(userEnd) == '\\' ? 2 : 1;
            }
            userEnd = Math.min(userEnd + 1, text.length());
        } else {
            userEnd = text.indexOf(' ', i);
            userEnd = userEnd < 0 ? text.length() : userEnd;
        }
        if (text.charAt(i) == '{' || userEnd >= text.length()) {
            // The user name comes as a literal: the password is on a continuation line.
            return text;
        }
        return text.substring(0, userEnd) + " " + MASK;
    }

    private static String header(String text) {
        int colon = text.indexOf(':');
        if (colon > 0 && HTTP_SECRET_HEADERS.contains(text.substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
            return text.substring(0, colon + 1) + " " + MASK;
        }
        return text;
    }

    private String serverLine(String text) {
        return protocol == Protocol.HTTP ? header(text) : text;
    }

    private String byKnowledge(String text) {
        if (text.equals(MASK)) {
            return text;
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return text.replace(secret, MASK);
            }
        }
        String candidate = text.trim();
        if (!secrets.isEmpty() && BASE64.matcher(candidate).matches()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(candidate), StandardCharsets.UTF_8);
                if (decoded.contains(password)) {
                    return MASK;
                }
            } catch (IllegalArgumentException notBase64) {
                // Not base64 after all: nothing hidden in it.
            }
        }
        return text;
    }

    /** Whether a client line starts an exchange whose following client lines are credentials. */
    private boolean startsLogin(String text) {
        String[] words = text.trim().split("\\s+");
        return switch (protocol) {
            case IMAP -> words.length > 1 && (words[1].equalsIgnoreCase("AUTHENTICATE")
                    || (words[1].equalsIgnoreCase("LOGIN") && text.trim().endsWith("}")));
            case POP3, SMTP -> words[0].equalsIgnoreCase("AUTH") && words.length > 1;
            default -> false;
        };
    }

    /** Whether a server line ends a login exchange (anything but a continuation request). */
    private boolean endsLogin(String text) {
        return switch (protocol) {
            case IMAP -> !text.startsWith("+");
            case POP3 -> !text.startsWith("+ ") && !text.equals("+");
            case SMTP -> !text.startsWith("334");
            default -> true;
        };
    }

    private static String quoted(String secret) {
        return "\"" + secret.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

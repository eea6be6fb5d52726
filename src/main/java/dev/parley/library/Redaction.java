package dev.parley.library;

import dev.parley.protocol.Protocol;
import dev.parley.protocol.Secrets;
import dev.parley.protocol.TrafficMasking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks credentials in a library call's trace, as CONTRACTS.md §2 writes them ({@code ********}).
 *
 * <p>Two layers, because {@code mail.debug.auth} prints everything in clear. First by position,
 * with the dialects' own rules ({@link TrafficMasking}: the same masking live sessions get at
 * capture). Then by knowledge: the call knows the password, so any client line (and any server line of the
 * login exchange) still holding it, in clear, quoted or base64-encoded alone or in a SASL PLAIN
 * message, is masked whole.
 */
final class Redaction {

    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/]{4,}={0,2}$");

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
        List<String> positional = TrafficMasking.apply(protocol,
                trace.stream().map(line -> new TrafficMasking.Line(line.client(), line.text())).toList());
        List<MailTrace.Line> out = new ArrayList<>(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            MailTrace.Line line = trace.get(i);
            String masked = positional.get(i);
            boolean rewritten = !masked.equals(line.text());
            // The by-value search looks at the client's lines only: a server may echo a word that
            // happens to be the password in a listing, which is not the learner's secret.
            boolean byValue = line.client() && !(rewritten && sameAsUser());
            out.add(new MailTrace.Line(line.dir(), byValue ? byKnowledge(masked) : masked));
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
                out = out.replace(secret, Secrets.MASK);
            }
        }
        return out;
    }

    private boolean sameAsUser() {
        return passwordIsUser;
    }

    private String byKnowledge(String text) {
        if (text.equals(Secrets.MASK)) {
            return text;
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return text.replace(secret, Secrets.MASK);
            }
        }
        String candidate = text.trim();
        if (!secrets.isEmpty() && BASE64.matcher(candidate).matches()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(candidate), StandardCharsets.UTF_8);
                if (decoded.contains(password)) {
                    return Secrets.MASK;
                }
            } catch (IllegalArgumentException notBase64) {
                // Not base64 after all: nothing hidden in it.
            }
        }
        return text;
    }

    private static String quoted(String secret) {
        return "\"" + secret.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

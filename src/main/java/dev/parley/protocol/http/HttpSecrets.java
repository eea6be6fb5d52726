package dev.parley.protocol.http;

import dev.parley.protocol.Secrets;
import java.util.Locale;
import java.util.Set;

/**
 * Masks the credentials HTTP carries in header fields: {@code Authorization} and
 * {@code Proxy-Authorization} (RFC 9110 §11.6.2, §11.7.2: the scheme stays, its credentials go),
 * {@code Cookie} (RFC 6265 §5.4: each cookie keeps its name, loses its value) and
 * {@code Set-Cookie} (RFC 6265 §4.1: the cookie's value goes; the attributes that say where and how
 * long it applies stay, since they teach and carry nothing secret).
 */
final class HttpSecrets {

    /** Set-Cookie attributes that are never secret (RFC 6265 §5.2, RFC 6265bis SameSite, CHIPS Partitioned). */
    private static final Set<String> PLAIN_ATTRIBUTES = Set.of("expires", "max-age", "domain", "path", "secure",
            "httponly", "samesite", "partitioned", "priority");

    private HttpSecrets() {
    }

    /** A request field line with its secret masked, or null when it carries none. */
    static String requestField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return switch (name(line, colon)) {
            case "authorization", "proxy-authorization" -> credentials(line, colon);
            case "cookie" -> cookies(line, colon, false);
            default -> null;
        };
    }

    /** A response field line with its secret masked, or null when it carries none. */
    static String responseField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return switch (name(line, colon)) {
            case "set-cookie" -> cookies(line, colon, true);
            // Rare in a response, but a proxy or a misconfigured server may echo one back.
            case "authorization", "proxy-authorization" -> credentials(line, colon);
            default -> null;
        };
    }

    private static String name(String line, int colon) {
        return line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    }

    /** {@code Authorization: Basic Ym9iOnJlZHF1ZWVu} becomes {@code Authorization: Basic ********}. */
    private static String credentials(String line, int colon) {
        int start = valueStart(line, colon);
        if (start >= line.length()) {
            return null;
        }
        int space = line.indexOf(' ', start);
        boolean schemeThenCredentials = space > start && !line.substring(space).isBlank();
        int from = schemeThenCredentials ? space + 1 : start;
        while (from < line.length() && line.charAt(from) == ' ') {
            from++;
        }
        return line.substring(0, from) + Secrets.MASK;
    }

    /** {@code Cookie: a=1; b=2} becomes {@code Cookie: a=********; b=********}; see the class comment for Set-Cookie. */
    private static String cookies(String line, int colon, boolean setCookie) {
        int start = valueStart(line, colon);
        if (start >= line.length()) {
            return null;
        }
        StringBuilder out = new StringBuilder(line.substring(0, start));
        String[] parts = line.substring(start).split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(';');
            }
            String part = parts[i];
            int eq = part.indexOf('=');
            String attribute = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (setCookie && i > 0 && PLAIN_ATTRIBUTES.contains(attribute)) {
                out.append(part);
            } else if (eq >= 0) {
                out.append(part, 0, eq + 1).append(Secrets.MASK);
            } else if (part.isBlank()) {
                out.append(part);
            } else {
                out.append(part, 0, part.length() - part.stripLeading().length()).append(Secrets.MASK);
            }
        }
        return out.toString();
    }

    private static int valueStart(String line, int colon) {
        int start = colon + 1;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        return start;
    }
}

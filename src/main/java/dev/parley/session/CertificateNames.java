package dev.parley.session;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Does a server certificate name the host the learner typed (RFC 6125 §6)? For a client that
 * connects to an address checked by the policy rather than to the name, so that the JDK's own
 * check would only ever see the address: a DNS name is matched against the certificate's DNS
 * names (a wildcard stands for exactly one whole leftmost label, never for a public suffix's
 * last two labels), an IP literal against its IP addresses. The subject's CN is not consulted
 * (RFC 6125 §6.4.4: not where a name is checked when subjectAltName is present, and browsers
 * stopped doing it).
 */
final class CertificateNames {

    private static final int DNS = 2;
    private static final int IP = 7;

    private CertificateNames() {
    }

    /** True when {@code leaf} is a certificate for {@code host}. */
    static boolean match(X509Certificate leaf, String host) {
        String wanted = host.strip();
        if (wanted.startsWith("[") && wanted.endsWith("]")) {
            wanted = wanted.substring(1, wanted.length() - 1);
        }
        InetAddress literal = literal(wanted);
        for (List<?> name : alternativeNames(leaf)) {
            int type = (Integer) name.get(0);
            String value = String.valueOf(name.get(1));
            if (literal != null ? type == IP && literal.equals(literal(value))
                    : type == DNS && dnsMatch(value, wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The names a certificate carries, for a learner's error message: "localhost, 127.0.0.1". */
    static String names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        for (List<?> name : alternativeNames(leaf)) {
            names.add(String.valueOf(name.get(1)));
        }
        return names.isEmpty() ? "no names at all" : String.join(", ", names);
    }

    private static Collection<List<?>> alternativeNames(X509Certificate leaf) {
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    static boolean dnsMatch(String pattern, String host) {
        String p = ascii(pattern);
        String h = ascii(host);
        if (p.isEmpty() || h.isEmpty()) {
            return false;
        }
        if (!p.startsWith("*.")) {
            return p.equals(h);
        }
        String suffix = p.substring(1);
        // "*.example.com" names one label more; never "*.com" (fewer than two labels after the star).
        return suffix.chars().filter(c -> c == '.').count() >= 2 && h.endsWith(suffix)
                && h.indexOf('.') == h.length() - suffix.length();
    }

    private static String ascii(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The address an IP literal means, or null when {@code text} is not one (names are never resolved here). */
    private static InetAddress literal(String text) {
        boolean v4 = text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')) && text.chars().filter(c -> c == '.').count() == 3;
        boolean v6 = text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

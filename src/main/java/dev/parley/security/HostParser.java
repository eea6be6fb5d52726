package dev.parley.security;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the host a learner typed the one way Parley reads it before anything resolves or connects:
 * either an address literal (parsed here, never handed to the system resolver, so Java, glibc and
 * curl cannot disagree about what it means) or a DNS name (checked for shape, then resolved).
 *
 * <p>IPv4 literals follow the WHATWG URL rule: a host whose last label is a number is an address
 * (so {@code 127.1}, {@code 2130706433}, {@code 0x7f.1} and {@code 127.0.0.1.} are all 127.0.0.1,
 * as inet_aton, curl and browsers read them). A part with a leading zero ({@code 0177.0.0.1},
 * {@code 127.000.000.001}, {@code 017700000001}) is refused: inet_aton, curl and browsers read it as
 * octal (127.0.0.1) while older Java reads it as decimal (177.0.0.1), so no answer is safe.
 */
final class HostParser {

    /** Longest DNS name in octets, without the final dot (RFC 1035 §2.3.4, RFC 2181 §11). */
    static final int MAX_NAME_OCTETS = 253;
    /** Longest DNS label in octets (RFC 1035 §2.3.4). */
    static final int MAX_LABEL_OCTETS = 63;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]*");

    /** inet_aton forms (RFC 3986 §7.4 warns about them): decimal, hex, joined parts; octal is refused before. */
    private static final IPAddressStringParameters IPV4_LITERAL = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowIPv6(false)
            .allowSingleSegment(true).allow_inet_aton(true).setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder()
            .allow_inet_aton_hex(true).allow_inet_aton_octal(false).allow_inet_aton_joined_segments(true)
            .allow_inet_aton_extraneous_digits(false).allowBinary(false).allowWildcardedSeparator(false)
            .allowLeadingZeros(true)
            .getParentBuilder().toParams();

    /** RFC 4291 §2.2 text forms only; an embedded IPv4 part must be plain dotted decimal. */
    private static final IPAddressStringParameters IPV6_LITERAL = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowIPv4(false)
            .allowSingleSegment(false).setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv6AddressParametersBuilder()
            .allowZone(false).allowBase85(false).allowBinary(false).allowWildcardedSeparator(false)
            .allowMixed(true).allow_mixed_inet_aton(false)
            .getEmbeddedIPv4AddressParametersBuilder()
            .allow_inet_aton(false).allowLeadingZeros(false).allowWildcardedSeparator(false).allowBinary(false)
            .getEmbeddedIPv4AddressParentBuilder()
            .getParentBuilder().toParams();

    private HostParser() {
    }

    /** See {@link TargetHost#parse}. */
    static TargetHost parse(String host) throws TargetDeniedException {
        if (host == null || host.isEmpty()) {
            throw bad("Say which host to connect to: a name such as localhost or an address such as 127.0.0.1.");
        }
        String typed = shown(host);
        if (host.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c))) {
            throw bad("The host “" + typed + "” contains spaces or control characters; type it without them.");
        }
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            return ipv6(typed, host);
        }
        String ascii = host;
        if (!host.chars().allMatch(c -> c < 0x80)) {
            // RFC 3490 (as browsers apply it): an international name becomes its xn-- form, and full-width
            // digits and ideographic full stops become ASCII, so "１２７。０。０。１" is read as 127.0.0.1 below.
            try {
                ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw bad("“" + typed + "” is not a host name: " + e.getMessage() + ".");
            }
        }
        String bare = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (bare.isEmpty() || bare.endsWith(".")) {
            throw bad("“" + typed + "” is not a host name: it ends in an empty label.");
        }
        String last = bare.substring(bare.lastIndexOf('.') + 1);
        if (DECIMAL.matcher(last).matches() || HEX.matcher(last).matches()) {
            return ipv4(typed, bare);
        }
        return name(typed, bare);
    }

    private static TargetHost ipv4(String typed, String bare) throws TargetDeniedException {
        String[] parts = bare.split("\\.", -1);
        for (String part : parts) {
            if (DECIMAL.matcher(part).matches() && part.length() > 1 && part.charAt(0) == '0') {
                throw bad("“" + typed + "” has a number with a leading zero (“" + shown(part) + "”): curl and browsers"
                        + " read that as octal, older Java as decimal, so Parley refuses to guess. Write the address"
                        + " as four decimal numbers without leading zeros, e.g. 127.0.0.1.");
            }
        }
        IPAddress address = new IPAddressString(bare, IPV4_LITERAL).getAddress();
        if (parts.length > 4 || address == null) {
            throw bad("“" + typed + "” is not a valid IPv4 address: write four numbers from 0 to 255 separated"
                    + " by dots, e.g. 192.0.2.10.");
        }
        return new TargetHost.Literal(typed, address, null);
    }

    private static TargetHost ipv6(String typed, String host) throws TargetDeniedException {
        String text = host;
        if (text.startsWith("[")) {
            if (!text.endsWith("]")) {
                throw bad("“" + typed + "” opens a bracket but does not close it: write an IPv6 address as [::1] or ::1,"
                        + " and give the port separately.");
            }
            text = text.substring(1, text.length() - 1);
        } else if (text.indexOf(':') == text.lastIndexOf(':')) {
            throw bad("“" + typed + "” looks like a host and a port: give the host alone (and the port in its own field).");
        }
        String zone = null;
        int percent = text.indexOf('%');
        if (percent >= 0) {
            zone = text.substring(percent + 1);
            // RFC 6874: inside a URI the '%' of a zone id is itself percent-encoded as %25.
            if (zone.startsWith("25") && zone.length() > 2) {
                zone = zone.substring(2);
            }
            text = text.substring(0, percent);
        }
        IPAddress address = new IPAddressString(text, IPV6_LITERAL).getAddress();
        if (address == null || !address.isIPv6()) {
            throw bad("“" + typed + "” is not a valid IPv6 address (RFC 4291), e.g. ::1 or 2001:db8::25.");
        }
        return new TargetHost.Literal(typed, address, zone == null || zone.isEmpty() ? null : zone);
    }

    private static TargetHost name(String typed, String bare) throws TargetDeniedException {
        String ascii = bare.toLowerCase(Locale.ROOT);
        if (ascii.length() > MAX_NAME_OCTETS) {
            throw bad("The host name “" + typed + "” is " + ascii.length() + " octets long; DNS names end at "
                    + MAX_NAME_OCTETS + " (RFC 1035).");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.length() > MAX_LABEL_OCTETS) {
                throw bad("The host name “" + typed + "” has a label of " + label.length() + " octets; a DNS label ends at "
                        + MAX_LABEL_OCTETS + " (RFC 1035).");
            }
            if (!LABEL.matcher(label).matches()) {
                throw bad("“" + typed + "” is not a host name: a name is labels of letters, digits and hyphens"
                        + " separated by dots (RFC 1123), e.g. mail.example.org.");
            }
        }
        return new TargetHost.Name(typed, ascii);
    }

    private static TargetDeniedException bad(String message) {
        return new TargetDeniedException(TargetRule.BAD_HOST, message);
    }

    /** At most 80 characters of {@code text}, control characters shown as {@code \\uXXXX}. */
    static String shown(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 80 ? out.append('…').toString() : out.toString();
    }
}

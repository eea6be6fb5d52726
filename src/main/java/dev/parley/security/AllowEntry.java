package dev.parley.security;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of {@code parley.targets.allow}: {@code HOST|CIDR[:PORT|:PORT-PORT|:*]}, an IPv6 address
 * or range in brackets when a port follows ({@code [fd00::/8]:25}). No port means any port.
 *
 * <p>A CIDR entry opens its addresses, whatever name a learner typed to reach them. A HOST entry
 * opens the name, but not what the name resolves to: its addresses must still be global unicast,
 * or lie in a CIDR entry, so a name whose DNS answer changes to {@code 127.0.0.1} or
 * {@code 10.0.0.1} (DNS rebinding) does not open the server's own network. This is Smokescreen's
 * rule: a name on the allow list never bypasses the address check.
 *
 * @param text  the entry as configured
 * @param name  the host name (lower case, no final dot), or null for a CIDR entry
 * @param block the address or range, or null for a HOST entry
 */
record AllowEntry(String text, String name, IPAddress block, int fromPort, int toPort) {

    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /** Plain text forms only: no inet_aton shorthand, no leading zeros, no wildcards, no zone ids. */
    private static final IPAddressStringParameters CIDR = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(true).allowMask(false).allowSingleSegment(false)
            .allow_inet_aton(false).setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder()
            .allowLeadingZeros(false).allowWildcardedSeparator(false).allowBinary(false)
            .getParentBuilder()
            .getIPv6AddressParametersBuilder()
            .allowZone(false).allowBase85(false).allowBinary(false).allowWildcardedSeparator(false)
            .allow_mixed_inet_aton(false)
            .getEmbeddedIPv4AddressParametersBuilder().allowLeadingZeros(false).allow_inet_aton(false)
            .getEmbeddedIPv4AddressParentBuilder()
            .getParentBuilder().toParams();

    /** Parses every entry; one message names every bad entry. */
    static List<AllowEntry> parseAll(List<String> entries) {
        List<AllowEntry> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            try {
                parsed.add(parse(entry));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems)
                    + " Entries look like HOST, CIDR, HOST:PORT, CIDR:PORT-PORT or [IPV6-CIDR]:*.");
        }
        return List.copyOf(parsed);
    }

    /**
     * Parses one entry.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static AllowEntry parse(String entry) {
        String text = entry == null ? "" : entry.trim();
        if (text.isEmpty()) {
            throw bad(text, "it is empty");
        }
        String host = text;
        String ports = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw bad(text, "it opens a bracket but does not close it");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(text, "after the closing bracket only :PORT, :PORT-PORT or :* may follow");
                }
                ports = rest.substring(1);
            }
        } else if (text.indexOf(':') != text.lastIndexOf(':')) {
            host = text; // a bare IPv6 address or range: no port (write [ADDRESS]:PORT for one)
        } else if (text.indexOf(':') >= 0) {
            host = text.substring(0, text.indexOf(':'));
            ports = text.substring(text.indexOf(':') + 1);
        }
        int[] range = ports(text, ports);
        if (host.contains("/") || host.contains(":")) {
            return new AllowEntry(text, null, block(text, host), range[0], range[1]);
        }
        TargetHost parsed;
        try {
            parsed = TargetHost.parse(host);
        } catch (TargetDeniedException e) {
            throw bad(text, e.getMessage());
        }
        return switch (parsed) {
            case TargetHost.Literal literal -> new AllowEntry(text, null, block(text, host), range[0], range[1]);
            case TargetHost.Name name -> new AllowEntry(text, name.ascii(), null, range[0], range[1]);
        };
    }

    private static IPAddress block(String text, String host) {
        IPAddressString string = new IPAddressString(host, CIDR);
        IPAddress address;
        try {
            address = string.toAddress();
        } catch (AddressStringException e) {
            throw bad(text, "“" + host + "” is not an address or a CIDR range written in full (e.g. 10.20.0.0/16,"
                    + " 192.0.2.7, [fd00::/8]): " + e.getMessage());
        }
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            throw bad(text, "write IPv4 addresses and ranges in their IPv4 form");
        }
        if (address.getNetworkPrefixLength() != null && !address.isPrefixBlock()) {
            throw bad(text, "the address has bits set beyond the /" + address.getNetworkPrefixLength()
                    + " prefix; did you mean " + address.toPrefixBlock() + "?");
        }
        return address;
    }

    private static int[] ports(String text, String ports) {
        if (ports == null || ports.equals("*")) {
            return new int[] {1, 65535};
        }
        int dash = ports.indexOf('-');
        int from = port(text, dash < 0 ? ports : ports.substring(0, dash));
        int to = dash < 0 ? from : port(text, ports.substring(dash + 1));
        if (from > to) {
            throw bad(text, "the port range " + ports + " runs backwards; write the lower port first");
        }
        return new int[] {from, to};
    }

    private static int port(String text, String port) {
        int value = PORT.matcher(port).matches() ? Integer.parseInt(port) : -1;
        if (value < 1 || value > 65535) {
            throw bad(text, "“" + port + "” is not a port: use a number from 1 to 65535, PORT-PORT or *");
        }
        return value;
    }

    private static IllegalArgumentException bad(String text, String reason) {
        return new IllegalArgumentException("parley.targets.allow entry “" + HostParser.shown(text) + "” is not valid: "
                + reason + (reason.endsWith(".") ? "" : "."));
    }

    boolean allowsPort(int port) {
        return port >= fromPort && port <= toPort;
    }

    /** Whether this is a HOST entry for {@code asciiName} (lower case, no final dot). */
    boolean names(String asciiName) {
        return name != null && name.equals(asciiName);
    }

    /** Whether this is a CIDR entry holding {@code address}. */
    boolean holds(IPAddress address) {
        return block != null && block.contains(address);
    }
}

package dev.parley.security;

import static dev.parley.security.AddressKind.CLOUD_METADATA;
import static dev.parley.security.AddressKind.LINK_LOCAL;
import static dev.parley.security.AddressKind.LOOPBACK;
import static dev.parley.security.AddressKind.MULTICAST_OR_BROADCAST;
import static dev.parley.security.AddressKind.PRIVATE;
import static dev.parley.security.AddressKind.SPECIAL;
import static dev.parley.security.AddressKind.UNSPECIFIED;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts an address into the special-purpose ranges of IANA's IPv4 and IPv6 registries (RFC 6890
 * and its updates) after normalising the IPv6 forms that hide an IPv4 address, the way Stripe's
 * Smokescreen classifies before it connects. What each kind means for a connection is the
 * {@link TargetPolicy}'s decision, not this table's.
 */
final class AddressClassifier {

    /** The IPv6 global unicast space (RFC 4291 §2.4); everything outside it is reserved by the IETF. */
    private static final IPAddress GLOBAL_UNICAST_V6 = new IPAddressString("2000::/3").getAddress().toPrefixBlock();

    /** What {@link #range} answers for IPv6 outside 2000::/3 that no row names (its block is never matched). */
    private static final SpecialRange RESERVED_V6 = new SpecialRange(new IPAddressString("::/0").getAddress(), SPECIAL,
            "a reserved IPv6 address (outside 2000::/3, RFC 4291)");

    /** Longest prefix wins, so {@code 0.0.0.0/32} is "unspecified" although {@code 0.0.0.0/8} holds it too. */
    private static final List<SpecialRange> TABLE = List.of(
            SpecialRange.of("0.0.0.0/8", UNSPECIFIED, "in 0.0.0.0/8, “this network” (RFC 1122), which Linux connects to this machine"),
            SpecialRange.of("0.0.0.0/32", UNSPECIFIED, "the unspecified address, which Linux connects to this machine"),
            SpecialRange.of("10.0.0.0/8", PRIVATE, "a private address (RFC 1918)"),
            SpecialRange.of("100.64.0.0/10", PRIVATE, "a carrier-grade NAT address (RFC 6598)"),
            SpecialRange.of("100.100.100.200/32", CLOUD_METADATA, "Alibaba Cloud's metadata service"),
            SpecialRange.of("127.0.0.0/8", LOOPBACK, "a loopback address (this machine)"),
            SpecialRange.of("169.254.0.0/16", LINK_LOCAL, "a link-local address (cloud metadata services live there)"),
            SpecialRange.of("172.16.0.0/12", PRIVATE, "a private address (RFC 1918)"),
            SpecialRange.of("192.0.0.0/24", SPECIAL, "an IETF protocol assignment (RFC 6890)"),
            SpecialRange.of("192.0.2.0/24", SPECIAL, "a documentation address (RFC 5737)"),
            SpecialRange.of("192.88.99.0/24", SPECIAL, "the retired 6to4 relay anycast range (RFC 7526)"),
            SpecialRange.of("192.168.0.0/16", PRIVATE, "a private address (RFC 1918)"),
            SpecialRange.of("198.18.0.0/15", SPECIAL, "a benchmarking address (RFC 2544)"),
            SpecialRange.of("198.51.100.0/24", SPECIAL, "a documentation address (RFC 5737)"),
            SpecialRange.of("203.0.113.0/24", SPECIAL, "a documentation address (RFC 5737)"),
            SpecialRange.of("224.0.0.0/4", MULTICAST_OR_BROADCAST, "a multicast address (RFC 5771)"),
            SpecialRange.of("240.0.0.0/4", SPECIAL, "a reserved address (RFC 1112)"),
            SpecialRange.of("255.255.255.255/32", MULTICAST_OR_BROADCAST, "the broadcast address (RFC 919)"),
            SpecialRange.of("::/128", UNSPECIFIED, "the unspecified address, which Linux connects to this machine"),
            SpecialRange.of("::1/128", LOOPBACK, "the loopback address (this machine)"),
            SpecialRange.of("::/96", SPECIAL, "an IPv4-compatible IPv6 address (deprecated, RFC 4291)"),
            SpecialRange.of("64:ff9b:1::/48", SPECIAL, "a local-use NAT64 address (RFC 8215)"),
            SpecialRange.of("100::/64", SPECIAL, "a discard-only address (RFC 6666)"),
            SpecialRange.of("2001::/23", SPECIAL, "an IETF protocol assignment (RFC 2928)"),
            SpecialRange.of("2001:2::/48", SPECIAL, "a benchmarking address (RFC 5180)"),
            SpecialRange.of("2001:db8::/32", SPECIAL, "a documentation address (RFC 3849)"),
            SpecialRange.of("3fff::/20", SPECIAL, "a documentation address (RFC 9637)"),
            SpecialRange.of("5f00::/16", SPECIAL, "a segment-routing address (RFC 9602)"),
            SpecialRange.of("fc00::/7", PRIVATE, "a unique local address (RFC 4193)"),
            SpecialRange.of("fd00:ec2::254/128", CLOUD_METADATA, "AWS's IPv6 metadata service"),
            SpecialRange.of("fe80::/10", LINK_LOCAL, "a link-local address (cloud metadata services live there)"),
            SpecialRange.of("fec0::/10", PRIVATE, "a site-local address (deprecated, RFC 3879)"),
            SpecialRange.of("ff00::/8", MULTICAST_OR_BROADCAST, "a multicast address (RFC 4291)"));

    private static final IPAddressGenerator GENERATOR = new IPAddressGenerator();

    private AddressClassifier() {
    }

    /** Classifies an address the resolver returned. */
    static AddressFacts classify(InetAddress address) {
        return classify(GENERATOR.from(address.getAddress()), address);
    }

    /** Classifies an address literal; it is connected to as written (an IPv4-mapped one as IPv4). */
    static AddressFacts classify(IPAddress literal) {
        return classify(literal, null);
    }

    private static AddressFacts classify(IPAddress given, InetAddress resolved) {
        IPAddress address = given.isIPv6() ? given.toIPv6().removeZone() : given;
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            address = address.toIPv6().getEmbeddedIPv4Address();
        }
        Embedding embedding = embedding(address);
        List<AddressFacts.Carried> carried = carried(address, embedding).stream()
                .map(v4 -> new AddressFacts.Carried(v4, range(v4))).toList();
        InetAddress connectTo = resolved != null && resolved.getAddress().length == address.getBytes().length
                ? resolved : inet(address);
        return new AddressFacts(connectTo, address, range(address), embedding, carried);
    }

    /** The most specific special-purpose range holding {@code address}; null for global unicast. */
    static SpecialRange range(IPAddress address) {
        SpecialRange found = TABLE.stream().filter(r -> r.contains(address))
                .max(Comparator.comparing(r -> r.block().getPrefixLength())).orElse(null);
        if (found == null && address.isIPv6() && !GLOBAL_UNICAST_V6.contains(address)
                && !address.toIPv6().isWellKnownIPv4Translatable()) {
            return RESERVED_V6;
        }
        return found;
    }

    private static Embedding embedding(IPAddress address) {
        if (!address.isIPv6()) {
            return Embedding.NONE;
        }
        IPv6Address v6 = address.toIPv6();
        if (v6.isWellKnownIPv4Translatable()) {
            return Embedding.NAT64;
        }
        if (v6.is6To4()) {
            return Embedding.SIX_TO_FOUR;
        }
        if (v6.isTeredo()) {
            return Embedding.TEREDO;
        }
        // :: and ::1 match the IPv4-compatible form too, but they are the unspecified and loopback addresses.
        if (v6.isIPv4Compatible() && !v6.isZero() && !v6.isLoopback()) {
            return Embedding.IPV4_COMPATIBLE;
        }
        return Embedding.NONE;
    }

    private static List<IPAddress> carried(IPAddress address, Embedding embedding) {
        return switch (embedding) {
            case NONE -> List.of();
            case IPV4_COMPATIBLE, NAT64 -> List.of(address.toIPv6().getEmbeddedIPv4Address());
            case SIX_TO_FOUR -> List.of(address.toIPv6().get6To4IPv4Address());
            case TEREDO -> {
                // RFC 4380 §4: bits 32-63 are the Teredo server; the last 32 bits are the client's
                // address with every bit inverted ("obfuscated").
                IPv4Address server = address.toIPv6().getEmbeddedIPv4Address(4);
                IPv4Address obfuscated = address.toIPv6().getEmbeddedIPv4Address(12);
                yield List.of(server, new IPv4Address(~obfuscated.intValue()));
            }
        };
    }

    private static InetAddress inet(IPAddress address) {
        try {
            return InetAddress.getByAddress(address.getBytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an IP address of " + address.getBytes().length + " octets", e);
        }
    }
}

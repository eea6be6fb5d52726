package dev.parley.security;

import inet.ipaddr.IPAddress;
import java.net.InetAddress;
import java.util.List;

/**
 * One address, normalised and classified: what Parley would connect to and everything the rules
 * need to judge it.
 *
 * @param connectTo the address a caller connects to (an IPv4-mapped IPv6 address becomes its IPv4 address)
 * @param address   the same address for the rules, without a zone id
 * @param range     the special-purpose range it lies in; null for global unicast
 * @param embedding the IPv6 form that carries IPv4 addresses, or {@link Embedding#NONE}
 * @param carried   the IPv4 addresses it carries (empty for NONE), each with its own range
 */
record AddressFacts(InetAddress connectTo, IPAddress address, SpecialRange range, Embedding embedding,
        List<Carried> carried) {

    /** An IPv4 address inside an IPv6 one, and its special-purpose range (null for global unicast). */
    record Carried(IPAddress address, SpecialRange range) {
    }

    /** True when neither the address nor anything it carries lies in a special-purpose range. */
    boolean globalUnicast() {
        return range == null && carried.stream().allMatch(c -> c.range() == null);
    }
}

package dev.parley.security;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * One row of the special-purpose address table.
 *
 * @param description what the range is, as a phrase that follows "is" in a learner's message
 */
record SpecialRange(IPAddress block, AddressKind kind, String description) {

    static SpecialRange of(String cidr, AddressKind kind, String description) {
        return new SpecialRange(new IPAddressString(cidr).getAddress().toPrefixBlock(), kind, description);
    }

    boolean contains(IPAddress address) {
        return block.contains(address);
    }
}

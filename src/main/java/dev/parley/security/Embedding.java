package dev.parley.security;

/**
 * IPv6 forms that carry an IPv4 address inside them. A packet to one of them can end up at the
 * IPv4 address (through a NAT64 gateway, a 6to4 relay or a Teredo tunnel), so the classifier judges
 * the carried address as well as the IPv6 one. IPv4-mapped addresses ({@code ::ffff:0:0/96}) are not
 * listed: they are the IPv4 address itself, and the classifier replaces them with it.
 */
enum Embedding {

    NONE(""),
    /** {@code ::a.b.c.d}, deprecated by RFC 4291 §2.5.5.1. */
    IPV4_COMPATIBLE("an IPv4-compatible IPv6 address (deprecated, RFC 4291)"),
    /** {@code 2002:AABB:CCDD::/48}, RFC 3056. */
    SIX_TO_FOUR("6to4 (RFC 3056)"),
    /** {@code 64:ff9b::a.b.c.d}, the well-known NAT64 prefix of RFC 6052. */
    NAT64("NAT64 (RFC 6052)"),
    /** {@code 2001:0:SERVER:flags:port:~CLIENT}, RFC 4380. */
    TEREDO("a Teredo address (RFC 4380)");

    private final String label;

    Embedding(String label) {
        this.label = label;
    }

    /** How a message names the form, e.g. "NAT64 (RFC 6052)". */
    String label() {
        return label;
    }
}

package dev.parley.security;

import inet.ipaddr.IPAddress;

/**
 * The host a learner typed, as Parley reads it before anything resolves or connects (see
 * {@link HostParser}): either an address literal, or a DNS name to resolve.
 */
sealed interface TargetHost {

    /** What the learner typed, shortened and with control characters made visible, for messages. */
    String typed();

    /** An address literal; {@code zone} is an IPv6 zone id ({@code %eth0}) or null. */
    record Literal(String typed, IPAddress address, String zone) implements TargetHost {
    }

    /** A DNS name in lower-case ASCII (IDNs converted to punycode), without a final dot. */
    record Name(String typed, String ascii) implements TargetHost {
    }

    /**
     * Reads {@code host} as typed.
     *
     * @throws TargetDeniedException with rule {@link TargetRule#BAD_HOST} and a sentence saying what is wrong
     */
    static TargetHost parse(String host) throws TargetDeniedException {
        return HostParser.parse(host);
    }
}

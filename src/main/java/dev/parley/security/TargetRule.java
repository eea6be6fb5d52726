package dev.parley.security;

/** Why the target policy refused a target; each constant is one rule of CONTRACTS.md §6. */
public enum TargetRule {

    /** The host is not a name or address at all (empty, spaces, too long, an ambiguous literal): bad input. */
    BAD_HOST,
    /** The port is not 1 to 65535: bad input. */
    BAD_PORT,
    /** The port is on {@code parley.targets.denied-ports}. */
    DENIED_PORT,
    /** Parley's own web port on one of this machine's addresses: Parley never proxies into itself. */
    OWN_PORT,
    /** Link-local ({@code 169.254/16}, {@code fe80::/10}): cloud metadata lives there; denied in every mode. */
    LINK_LOCAL,
    /** A cloud metadata endpoint outside link-local ({@code fd00:ec2::254}, {@code 100.100.100.200}); denied in every mode. */
    CLOUD_METADATA,
    /** The unspecified address and {@code 0.0.0.0/8} ("this host/network"); denied in every mode. */
    UNSPECIFIED,
    /** Multicast and broadcast: no TCP peer lives there; denied in every mode. */
    MULTICAST_OR_BROADCAST,
    /** An IPv6 form that tunnels to hidden IPv4 addresses (Teredo, IPv4-compatible); denied in every mode. */
    TUNNEL,
    /** Hosted mode: a loopback, private or special-purpose address that no allow entry names. */
    NOT_GLOBAL,
    /** Hosted mode: neither a practice server nor a {@code parley.targets.allow} entry. */
    NOT_ALLOWED
}

package dev.parley.security;

/**
 * What kind of address a special-purpose range holds (IANA's special-purpose registries, RFC 6890).
 * Addresses in no special range are global unicast.
 */
enum AddressKind {

    /** This machine ({@code 127/8}, {@code ::1}): open on a laptop, closed when hosted. */
    LOOPBACK(null),
    /** A network the learner or the operator owns (RFC 1918, CGNAT, ULA, site-local): open on a laptop. */
    PRIVATE(null),
    /** Documentation, benchmarking, reserved and protocol ranges: nothing a hosted server should reach. */
    SPECIAL(null),
    /** Link-local ({@code 169.254/16}, {@code fe80::/10}): cloud metadata services answer on {@code 169.254.169.254}. */
    LINK_LOCAL(TargetRule.LINK_LOCAL),
    /**
     * Cloud metadata services outside link-local: AWS's IPv6 endpoint {@code fd00:ec2::254} (a unique local
     * address) and Alibaba Cloud's {@code 100.100.100.200} (carrier-grade NAT space), which a laptop would
     * otherwise reach as private ranges when Parley runs on a cloud machine.
     */
    CLOUD_METADATA(TargetRule.CLOUD_METADATA),
    /** {@code 0.0.0.0/8}, {@code ::}: Linux connects them to this machine. */
    UNSPECIFIED(TargetRule.UNSPECIFIED),
    /** Multicast and the limited broadcast address: no TCP peer. */
    MULTICAST_OR_BROADCAST(TargetRule.MULTICAST_OR_BROADCAST);

    private final TargetRule alwaysDenied;

    AddressKind(TargetRule alwaysDenied) {
        this.alwaysDenied = alwaysDenied;
    }

    /** The rule that refuses this kind in every mode, with no allow entry to lift it; null when the mode decides. */
    TargetRule alwaysDenied() {
        return alwaysDenied;
    }
}

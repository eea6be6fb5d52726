package dev.parley.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which targets a session may reach ({@code parley.targets.*}, CONTRACTS.md §6). What is open by
 * default depends on {@code parley.mode}: see {@link TargetPolicy}.
 *
 * @param allowInsecureTls    whether a session may ask to accept any certificate ({@code insecure});
 *                            unset means yes on a laptop, no when hosted
 * @param allow               in hosted mode, the targets beyond the practice servers:
 *                            {@code HOST|CIDR[:PORT|:PORT-PORT|:*]} (see {@link AllowEntry}); in laptop
 *                            mode they are open anyway. A bad entry fails startup, naming it.
 * @param deniedPorts         ports no session may connect to, in either mode
 * @param trustedCertificates PEM files of certificate authorities (or single certificates) trusted
 *                            beyond the Java trust store, e.g. a workshop's or a test lab's own CA
 * @param connectRate         connect attempts per client; unset means unlimited on a laptop and
 *                            {@value ConnectRate#HOSTED_BURST} at once, {@value ConnectRate#HOSTED_PER_MINUTE}
 *                            a minute when hosted
 */
@ConfigurationProperties("parley.targets")
public record TargetProperties(
        Boolean allowInsecureTls,
        @DefaultValue List<String> allow,
        @DefaultValue List<Integer> deniedPorts,
        @DefaultValue List<String> trustedCertificates,
        @DefaultValue ConnectRate connectRate) {

    public TargetProperties {
        allow = allow == null ? List.of() : List.copyOf(allow);
        deniedPorts = deniedPorts == null ? List.of() : List.copyOf(deniedPorts);
        trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
        connectRate = connectRate == null ? new ConnectRate(null, null) : connectRate;
        AllowEntry.parseAll(allow); // fails binding, and so startup, with a message naming each bad entry
    }

    /** Whether {@code insecure} is allowed in {@code mode}, unless configured. */
    public boolean allowInsecureTls(ParleyMode mode) {
        if (allowInsecureTls != null) {
            return allowInsecureTls;
        }
        return switch (mode) {
            case LAPTOP -> true;
            case HOSTED -> false;
        };
    }

    /**
     * {@code parley.targets.connect-rate.*}: a token bucket per client (Bucket4j); {@code 0} means
     * unlimited.
     *
     * @param burst     attempts a client may make at once
     * @param perMinute attempts a minute once the burst is spent
     */
    public record ConnectRate(Integer burst, Integer perMinute) {

        static final int HOSTED_BURST = 10;
        static final int HOSTED_PER_MINUTE = 30;

        public ConnectRate {
            if ((burst != null && burst < 0) || (perMinute != null && perMinute < 0)) {
                throw new IllegalArgumentException("parley.targets.connect-rate.burst and .per-minute must be 0"
                        + " (unlimited) or more; they are " + burst + " and " + perMinute + ".");
            }
        }

        int burst(ParleyMode mode) {
            return burst != null ? burst : switch (mode) {
                case LAPTOP -> 0;
                case HOSTED -> HOSTED_BURST;
            };
        }

        int perMinute(ParleyMode mode) {
            return perMinute != null ? perMinute : switch (mode) {
                case LAPTOP -> 0;
                case HOSTED -> HOSTED_PER_MINUTE;
            };
        }
    }
}

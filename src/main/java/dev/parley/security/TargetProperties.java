package dev.parley.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which targets a session may reach ({@code parley.targets.*}). The local default allows every
 * address, because on a learner's laptop the learner owns the network; a hosted workshop turns
 * on a strict policy.
 *
 * @param allowInsecureTls whether a session may ask to accept any certificate ({@code insecure})
 * @param deniedPorts      ports no session may connect to
 * @param trustedCertificates PEM files of certificate authorities (or single certificates) trusted
 *                            beyond the Java trust store, e.g. a workshop's or a test lab's own CA
 */
@ConfigurationProperties("parley.targets")
public record TargetProperties(
        @DefaultValue("true") boolean allowInsecureTls,
        @DefaultValue List<Integer> deniedPorts,
        @DefaultValue List<String> trustedCertificates) {
}

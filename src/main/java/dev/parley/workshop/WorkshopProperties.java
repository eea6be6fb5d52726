package dev.parley.workshop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parley.workshop.*} (CONTRACTS.md §7).
 *
 * @param instructorPassword the instructor's password (env {@code PARLEY_WORKSHOP_INSTRUCTOR_PASSWORD});
 *                           unset in hosted mode, one is generated and printed once at start
 * @param defaultCapacity    attendees a workshop admits unless its creator says otherwise
 * @param maxCapacity        the most a workshop may be asked to admit
 * @param defaultDuration    how long a workshop runs unless its creator says otherwise
 * @param maxDuration        the longest a workshop may be asked to run
 * @param expiryCheck        how often expired workshops are ended (sessions closed, accounts removed)
 */
@ConfigurationProperties("parley.workshop")
public record WorkshopProperties(
        String instructorPassword,
        @DefaultValue("200") int defaultCapacity,
        @DefaultValue("1000") int maxCapacity,
        @DefaultValue("4h") Duration defaultDuration,
        @DefaultValue("14d") Duration maxDuration,
        @DefaultValue("30s") Duration expiryCheck) {
}

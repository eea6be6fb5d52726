package dev.parley.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The one switch between the two ways Parley runs ({@code parley.mode}, CONTRACTS.md §6). Every
 * rule that differs between a learner's laptop and a shared server reads this value: inject
 * {@link ModeProperties} (or call {@link #of(Environment)} where no bean exists yet, e.g. in an
 * {@code EnvironmentPostProcessor}).
 */
public enum ParleyMode {

    /**
     * The default: {@code ./mvnw spring-boot:run} on a learner's own machine. Only the learner's
     * browser reaches Parley, and the learner owns the network, so loopback and private ranges
     * stay open; only addresses no lesson needs (link-local, unspecified, multicast, broadcast,
     * Parley's own port) are refused.
     */
    LAPTOP,

    /**
     * A server others reach (a workshop, a class, a public demo). Parley must not become a way
     * into the server's network: it reaches only its practice servers and the targets the
     * operator lists in {@code parley.targets.allow}.
     */
    HOSTED;

    /** The mode configured in {@code env} ({@code laptop} when unset), for code that runs before beans exist. */
    public static ParleyMode of(Environment env) {
        return Binder.get(env).bind("parley.mode", ParleyMode.class).orElse(LAPTOP);
    }
}

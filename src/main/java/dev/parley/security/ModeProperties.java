package dev.parley.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parley.mode}: {@code laptop} (the default) or {@code hosted}; see {@link ParleyMode}.
 * Inject this record wherever a rule depends on the mode.
 */
@ConfigurationProperties("parley")
public record ModeProperties(@DefaultValue("laptop") ParleyMode mode) {

    public boolean hosted() {
        return mode == ParleyMode.HOSTED;
    }
}

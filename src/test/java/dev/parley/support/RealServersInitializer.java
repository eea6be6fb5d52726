package dev.parley.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Trusts the real servers' test CA in full-stack tests, so that STARTTLS to Dovecot and Postfix
 * verifies the way it would against a server with a public certificate.
 */
public final class RealServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        RealServers.caFile().ifPresent(ca -> context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("realServersCa", Map.of("parley.targets.trusted-certificates", ca))));
    }
}

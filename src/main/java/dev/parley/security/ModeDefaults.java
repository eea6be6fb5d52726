package dev.parley.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The defaults that differ between the modes, for Spring's own settings (Parley's own read
 * {@link ParleyMode} directly). Added last, so any explicit setting wins (CONTRACTS.md §6):
 * <ul>
 * <li>laptop: the web server listens on loopback only ({@code server.address=127.0.0.1}): nobody
 *     on the same Wi-Fi reaches the learner's Parley, nor through it the learner's localhost;</li>
 * <li>hosted: the API docs and Swagger UI are off, Actuator shows health only, without details.</li>
 * </ul>
 */
public class ModeDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "parleyModeDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        switch (ParleyMode.of(environment)) {
            case LAPTOP -> defaults.put("server.address", "127.0.0.1");
            case HOSTED -> {
                defaults.put("springdoc.api-docs.enabled", "false");
                defaults.put("springdoc.swagger-ui.enabled", "false");
            }
        }
        defaults.put("management.endpoints.web.exposure.include", "health");
        defaults.put("management.endpoint.health.show-details", "never");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}

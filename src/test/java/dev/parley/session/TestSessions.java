package dev.parley.session;

import dev.parley.security.TargetPolicy;
import dev.parley.security.TargetProperties;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Live sessions without Spring, configured from properties as the application would be. */
final class TestSessions {

    private TestSessions() {
    }

    static SessionLimits limits(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("parley.limits",
                SessionLimits.class);
    }

    static LiveSessions with(Map<String, String> properties, ConversationListener... listeners) {
        TargetProperties targets = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("parley.targets", TargetProperties.class);
        return new LiveSessions(limits(properties), new TargetPolicy(targets), new TlsClient(List.of(), targets),
                List.of(listeners));
    }

    static LiveSessions defaults() {
        return with(Map.of());
    }
}

package dev.parley.security;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeProperties;
import dev.parley.practice.PracticeServers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the target policy and the connect-rate limiter from {@code parley.mode} and
 * {@code parley.targets.*}. Public so that the replay command line, which builds a context of its
 * own without the web application, imports the very same policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ModeProperties.class, TargetProperties.class, CapsProperties.class})
public class TargetPolicyConfiguration {

    /** Where Boot publishes the ports its web servers actually bound (also when {@code server.port=0}). */
    private static final List<String> PORT_PROPERTIES = List.of("local.server.port", "local.management.port",
            "server.port", "management.server.port");

    @Bean
    TargetPolicy targetPolicy(ModeProperties mode, TargetProperties targets, Environment environment,
            ObjectProvider<PracticeServers> servers, ObjectProvider<PracticeProperties> practice) {
        return new TargetPolicy(mode.mode(), targets, TargetPolicy.Resolver.SYSTEM, () -> ownPorts(environment),
                () -> practiceTargets(servers.getIfAvailable(), practice.getIfAvailable()));
    }

    @Bean
    ClientRateLimiter connectRateLimiter(ModeProperties mode, TargetProperties targets) {
        return ClientRateLimiter.of(mode.mode(), targets.connectRate());
    }

    @Bean
    Caps caps(ModeProperties mode, CapsProperties properties, ClientRateLimiter connectRateLimiter) {
        return new Caps(mode.mode(), properties, connectRateLimiter, Runtime.getRuntime().maxMemory(),
                io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME);
    }

    /** Own transcripts only; the workshop feature supplies a wider one for instructors (@Primary). */
    @Bean
    TranscriptReaders transcriptReaders() {
        return TranscriptReaders.OWN;
    }

    /** Read at check time, not at startup: the web server binds its port after this bean exists. */
    static Set<Integer> ownPorts(Environment environment) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (String property : PORT_PROPERTIES) {
            Integer port = environment.getProperty(property, Integer.class);
            if (port != null && port > 0) {
                ports.add(port);
            }
        }
        if (environment.getProperty("server.port") == null) {
            ports.add(8080); // Boot's default, when nothing says otherwise
        }
        return ports;
    }

    private static PracticeTargets practiceTargets(PracticeServers servers, PracticeProperties properties) {
        if (servers == null || properties == null) {
            return PracticeTargets.NONE;
        }
        // With parley.practice.external, another instance runs them for the cluster: their configured ports.
        Set<Integer> ports = servers.reachable().stream().map(PracticeEndpoint::port).collect(Collectors.toSet());
        return new PracticeTargets(properties.host(), properties.bind(), ports);
    }
}

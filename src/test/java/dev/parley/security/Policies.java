package dev.parley.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Builds target policies for tests, with a resolver that answers from a table and never asks DNS. */
final class Policies {

    /** The names the test resolver knows; anything else is unknown. */
    static final Map<String, List<String>> NAMES = Map.ofEntries(
            Map.entry("localhost", List.of("127.0.0.1", "::1")),
            Map.entry("metadata.test", List.of("169.254.169.254")),
            Map.entry("public.test", List.of("93.184.216.34")),
            Map.entry("public6.test", List.of("2606:4700:4700::1111")),
            Map.entry("mixed.test", List.of("93.184.216.34", "10.0.0.1")),
            Map.entry("mixed-metadata.test", List.of("93.184.216.34", "169.254.169.254")),
            Map.entry("nat64-metadata.test", List.of("64:ff9b::a9fe:a9fe")),
            Map.entry("lab.test", List.of("10.20.0.5")),
            Map.entry("linklocal6.test", List.of("fe80::1")),
            Map.entry("xn--bcher-kva.test", List.of("93.184.216.34")));

    private Policies() {
    }

    static TargetProperties targets(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("parley.targets",
                TargetProperties.class);
    }

    static TargetPolicy.Resolver table(Map<String, List<String>> names) {
        return name -> {
            List<String> answers = names.get(name);
            if (answers == null) {
                throw new UnknownHostException(name + " (not in the test's table)");
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (String answer : answers) {
                addresses.add(InetAddress.getByAddress(name, InetAddress.getByName(answer).getAddress()));
            }
            return addresses.toArray(InetAddress[]::new);
        };
    }

    static TargetPolicy policy(ParleyMode mode, Map<String, String> properties) {
        return new TargetPolicy(mode, targets(properties), table(NAMES), Set::of, () -> PracticeTargets.NONE);
    }

    static TargetPolicy policy(ParleyMode mode) {
        return policy(mode, Map.of());
    }

    /** "ALLOW", the refusing rule's name, or "UNKNOWN" when the name does not resolve. */
    static String outcome(TargetPolicy policy, String host, int port) {
        try {
            policy.check(host, port);
            return "ALLOW";
        } catch (TargetDeniedException e) {
            return e.rule().name();
        } catch (UnknownHostException e) {
            return "UNKNOWN";
        }
    }
}

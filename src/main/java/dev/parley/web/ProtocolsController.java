package dev.parley.web;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeServers;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.Walkthrough;
import dev.parley.protocol.Walkthroughs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/protocols} (CONTRACTS.md §3): each protocol with its conventional ports, the
 * practice servers that speak it (their real ports, which tests set to any free port) and its
 * walkthrough steps. The page builds its connect presets and guided steps from this.
 */
@RestController
class ProtocolsController {

    /** A practice preset as the page's connect form uses it. */
    record Preset(String host, int port, String tls, String label) {
    }

    /** One protocol. */
    record ProtocolInfo(String id, String name, int defaultPort, int defaultTlsPort, List<Preset> practice,
            List<Walkthrough.Step> steps) {
    }

    /** The practice ports the walkthrough texts name (PracticeProperties' defaults, CONTRACTS.md §4). */
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("smtp:none", 3025, "smtp:implicit", 3465,
            "pop3:none", 3110, "pop3:implicit", 3995, "imap:none", 3143, "imap:implicit", 3993, "http:none", 3080);

    private final ObjectProvider<PracticeServers> practice;

    ProtocolsController(ObjectProvider<PracticeServers> practice) {
        this.practice = practice;
    }

    @GetMapping("/api/protocols")
    List<ProtocolInfo> protocols() {
        PracticeServers servers = practice.getIfAvailable();
        List<PracticeEndpoint> endpoints = servers == null ? List.of() : servers.reachable();
        return Arrays.stream(Protocol.values()).map(p -> info(p, endpoints)).toList();
    }

    private static ProtocolInfo info(Protocol protocol, List<PracticeEndpoint> endpoints) {
        List<Preset> presets = endpoints.stream()
                .filter(e -> e.protocol().equals(protocol.id()))
                // plain text first: the walkthroughs start there, and the learner sees every byte
                .sorted((a, b) -> Boolean.compare(!"none".equals(a.tls()), !"none".equals(b.tls())))
                .map(e -> new Preset(e.host(), e.port(), e.tls(), e.label()))
                .toList();
        return new ProtocolInfo(protocol.id(), protocol.name(), protocol.defaultPort(), protocol.defaultTlsPort(),
                presets, Walkthroughs.of(protocol).steps().stream().map(step -> withPorts(step, endpoints)).toList());
    }

    /**
     * The walkthroughs name the practice servers' default ports (3025, 3465, …), which is what a
     * laptop runs; where they run elsewhere (a workshop, a cluster, tests) the learner reads the
     * real ones.
     */
    private static Walkthrough.Step withPorts(Walkthrough.Step step, List<PracticeEndpoint> endpoints) {
        String explanation = step.explanation();
        if (explanation == null) {
            return step;
        }
        for (PracticeEndpoint e : endpoints) {
            Integer standard = DEFAULT_PORTS.get(e.protocol() + ":" + e.tls());
            if (standard != null && standard != e.port()) {
                explanation = explanation.replaceAll("\\b" + standard + "\\b", Integer.toString(e.port()));
            }
        }
        return new Walkthrough.Step(step.id(), step.title(), step.line(), explanation, step.notice());
    }
}

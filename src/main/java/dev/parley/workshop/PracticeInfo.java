package dev.parley.workshop;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeServers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Where the practice servers are, as an attendee's page needs it ({@code smtp: {host, port}}, …):
 * those of this instance when it runs them, else the ones configured for the cluster
 * ({@code parley.practice.host} and ports: one instance runs them for everyone).
 */
@Component
class PracticeInfo {

    private final PracticeServers servers;

    PracticeInfo(PracticeServers servers) {
        this.servers = servers;
    }

    Map<String, Map<String, Object>> endpoints() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (PracticeEndpoint e : servers.reachable()) {
            out.put(e.protocol() + (e.tls().equals("implicit") ? "s" : ""), Map.of("host", e.host(), "port", e.port(),
                    "tls", e.tls()));
        }
        return out;
    }
}

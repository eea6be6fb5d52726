package dev.parley.workshop;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeProperties;
import dev.parley.practice.PracticeServers;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final PracticeProperties properties;

    PracticeInfo(PracticeServers servers, PracticeProperties properties) {
        this.servers = servers;
        this.properties = properties;
    }

    Map<String, Map<String, Object>> endpoints() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<PracticeEndpoint> running = servers.endpoints();
        if (!running.isEmpty()) {
            for (PracticeEndpoint e : running) {
                out.put(e.protocol() + (e.tls().equals("implicit") ? "s" : ""), Map.of("host", e.host(), "port", e.port(),
                        "tls", e.tls()));
            }
            return out;
        }
        put(out, "smtp", properties.smtpPort(), "none");
        put(out, "smtps", properties.smtpsPort(), "implicit");
        put(out, "pop3", properties.pop3Port(), "none");
        put(out, "pop3s", properties.pop3sPort(), "implicit");
        put(out, "imap", properties.imapPort(), "none");
        put(out, "imaps", properties.imapsPort(), "implicit");
        put(out, "http", properties.httpPort(), "none");
        return out;
    }

    private void put(Map<String, Map<String, Object>> out, String key, int port, String tls) {
        out.put(key, Map.of("host", properties.host(), "port", port, "tls", tls));
    }
}

package dev.parley.library;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * The body of {@code POST /api/library} (CONTRACTS.md §3).
 *
 * @param username empty for calls that need none (SMTP without AUTH, HTTP)
 * @param args     the call's arguments by name; missing ones take their defaults
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LibraryRequest(Target target, String username, String password, String call, Map<String, String> args) {

    /** Where to connect, as for a live session; {@code tls} is {@code none} or {@code implicit}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String protocol, String host, Integer port, String tls) {
    }

    @Override
    public String toString() {
        // Never print the password, should a request end up in a log.
        return "LibraryRequest[call=" + call + ", target=" + target + ", username=" + username + "]";
    }
}

package dev.parley.transcript;

/**
 * A target as the learner typed it: a host name or address and a port. IPv6 literals are written
 * in brackets ({@code [::1]:143}), as in a URL (RFC 3986 §3.2.2), so the last colon is the port's.
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (host == null || host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a host must be a name or address without spaces");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 1 and 65535, not " + port);
        }
    }

    /** Parses {@code host:port} or {@code [v6]:port}; the message of the exception says what is wrong. */
    public static HostPort parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("a target is host:port, such as localhost:110, not “" + s + "”");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an IPv6 address needs brackets: [" + host + "]" + s.substring(colon));
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of “" + s + "” is not a number");
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}

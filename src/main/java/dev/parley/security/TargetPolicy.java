package dev.parley.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * The one check every connection passes, from every front door (live session, replay, library
 * mode). It resolves the host once and returns the exact address to connect to, so that a DNS
 * answer cannot change between the check and the connect (DNS rebinding).
 */
@Component
public class TargetPolicy {

    private final TargetProperties properties;

    public TargetPolicy(TargetProperties properties) {
        this.properties = properties;
    }

    /**
     * Resolves {@code host} and checks the result.
     *
     * @return the checked address; connect to exactly this one
     * @throws UnknownHostException   the name does not resolve
     * @throws TargetDeniedException  the policy refuses the target; the message says why
     */
    public InetSocketAddress check(String host, int port) throws UnknownHostException, TargetDeniedException {
        if (port < 1 || port > 65535) {
            throw new TargetDeniedException("Port " + port + " is not a TCP port: use a number from 1 to 65535.");
        }
        if (properties.deniedPorts().contains(port)) {
            throw new TargetDeniedException("Connections to port " + port + " are not allowed here.");
        }
        InetAddress address = InetAddress.getByName(host);
        return new InetSocketAddress(address, port);
    }

    /** Whether a session may accept any certificate when it asks to. */
    public boolean allowsInsecureTls() {
        return properties.allowInsecureTls();
    }
}

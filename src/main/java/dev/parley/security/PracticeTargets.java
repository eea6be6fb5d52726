package dev.parley.security;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Locale;
import java.util.Set;

/**
 * Where the practice servers listen right now, as the hosted target policy sees them: their ports
 * (the bound ones, so {@code 0} in tests works) on the address they are bound to, on loopback when
 * that is where they are bound, and under the name the page offers for them
 * ({@code parley.practice.host}, which may later point at another machine).
 *
 * @param host  the practice host name as configured (e.g. {@code localhost}); may be null
 * @param bind  the address they are bound to (e.g. {@code 127.0.0.1}, {@code 0.0.0.0}); may be null
 * @param ports the ports they listen on; empty when they are switched off
 */
public record PracticeTargets(String host, String bind, Set<Integer> ports) {

    /** No practice servers (switched off, or a policy built without them). */
    public static final PracticeTargets NONE = new PracticeTargets(null, null, Set.of());

    public PracticeTargets {
        ports = Set.copyOf(ports);
    }

    /** Whether {@code address}:{@code port}, reached as {@code name} (null for a literal), is a practice server. */
    boolean serves(String name, AddressFacts address, int port) {
        if (!ports.contains(port)) {
            return false;
        }
        if (name != null && host != null && name.equals(normalised(host))) {
            return true; // the operator's own name for them: its answer is trusted like its configuration
        }
        IPAddress bound = bind == null ? null : new IPAddressString(bind.trim()).getAddress();
        if (bound == null) {
            return address.address().isLoopback();
        }
        if (bound.isAnyLocal()) {
            return LocalAddresses.isThisMachine(address.connectTo());
        }
        return bound.equals(address.address()) || (bound.isLoopback() && address.address().isLoopback());
    }

    private static String normalised(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}

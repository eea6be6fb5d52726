package dev.parley.security;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/** Whether an address belongs to this machine: the test for "Parley's own port on any local address". */
final class LocalAddresses {

    private LocalAddresses() {
    }

    /**
     * Loopback, unspecified, or assigned to one of this machine's network interfaces. When the
     * interfaces cannot be listed, the answer is yes: a wrong "yes" refuses one port, a wrong "no"
     * lets Parley proxy into itself.
     */
    static boolean isThisMachine(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true;
        }
    }
}

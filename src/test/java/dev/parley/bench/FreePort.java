package dev.parley.bench;

import java.net.InetAddress;
import java.net.ServerSocket;

/** Prints a loopback port nothing listens on right now (for scripts/bench.sh). */
public final class FreePort {

    private FreePort() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.out.println(probe.getLocalPort());
        }
    }
}

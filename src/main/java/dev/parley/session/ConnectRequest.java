package dev.parley.session;

import dev.parley.protocol.Protocol;

/** What the learner asked to connect to; {@code host} as typed. */
public record ConnectRequest(Protocol protocol, String host, int port, boolean implicitTls, boolean insecure) {
}

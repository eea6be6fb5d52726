package dev.parley.replay;

import dev.parley.protocol.Protocol;

/** Where a replay connects: checked by the same target policy as a live session. */
public record ReplayTarget(Protocol protocol, String host, int port, boolean implicitTls) {
}

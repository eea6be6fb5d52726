package dev.parley.replay;

import dev.parley.protocol.Protocol;

/** Where a replay connects: checked by the same target policy as a live session. */
public record ReplayTarget(Protocol protocol, String host, int port, boolean implicitTls) {

    /** As the command line writes it: {@code imap://127.0.0.1:3143}, {@code pop3://host:995?tls=implicit}. */
    @Override
    public String toString() {
        return protocol.id() + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + (implicitTls ? "?tls=implicit" : "");
    }
}

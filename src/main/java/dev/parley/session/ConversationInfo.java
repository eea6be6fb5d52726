package dev.parley.session;

import dev.parley.protocol.Protocol;
import java.time.Instant;

/**
 * What a conversation was asked to do, as the learner typed it.
 *
 * @param origin where it came from: {@code live} (a browser), {@code replay} or {@code library}
 * @param owner  who owns its transcript ({@link SessionOwner#id()}); null for nobody
 */
public record ConversationInfo(String id, String sessionId, String origin, Protocol protocol, String host, int port,
        boolean implicitTls, Instant startedAt, String owner) {

    /** A conversation nobody owns. */
    public ConversationInfo(String id, String sessionId, String origin, Protocol protocol, String host, int port,
            boolean implicitTls, Instant startedAt) {
        this(id, sessionId, origin, protocol, host, port, implicitTls, startedAt, null);
    }
}

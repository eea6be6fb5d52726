package dev.parley.transcript;

import dev.parley.protocol.Protocol;
import java.time.Instant;

/**
 * What a transcript is about. Every field but {@code protocol} may be unknown (null) in a
 * transcript written by hand; a recorded one has them all once it has ended.
 *
 * @param id      the unguessable id it is stored and shared under ({@link TranscriptIds})
 * @param origin  {@code live}, {@code replay}, {@code library} or {@code import}
 * @param target  the target as the learner typed it
 * @param remote  the address actually connected to ({@code ip:port}), after the target policy
 * @param closed  how the connection ended; null while it is open
 */
public record TranscriptMeta(String id, Protocol protocol, String origin, HostPort target, String remote,
        Instant started, Instant ended, Closing closed) {

    public TranscriptMeta withId(String newId) {
        return new TranscriptMeta(newId, protocol, origin, target, remote, started, ended, closed);
    }

    public TranscriptMeta withOrigin(String newOrigin) {
        return new TranscriptMeta(id, protocol, newOrigin, target, remote, started, ended, closed);
    }

    public TranscriptMeta withStarted(Instant when) {
        return new TranscriptMeta(id, protocol, origin, target, remote, when, ended, closed);
    }
}

package dev.parley.session;

/**
 * Observes every conversation (one connection of one session) from any front door: how
 * transcripts get recorded. Called on the session's own threads, in order, for every event the
 * viewer gets; an implementation must hand work off rather than block (no I/O here).
 */
public interface ConversationListener {

    /** A connection is about to be attempted. */
    void opened(ConversationInfo info);

    /** An event the viewer was sent. Lines carry {@code redacted} when they hold a secret. */
    void event(String conversationId, SessionEvent event);

    /** The conversation is over: closed, failed to connect, or abandoned by its viewer. */
    void ended(String conversationId);
}

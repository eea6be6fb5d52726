package dev.parley.session;

import dev.parley.security.TargetPolicy;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** Creates live sessions and knows every open one, so that shutdown closes all their sockets. */
@Component
public class LiveSessions {

    private final SessionLimits limits;
    private final TargetPolicy policy;
    private final TlsClient tlsClient;
    private final ConversationListener listeners;
    private final Map<String, LiveSession> open = new ConcurrentHashMap<>();
    private final SessionClock clock = new SessionClock();

    public LiveSessions(SessionLimits limits, TargetPolicy policy, TlsClient tlsClient,
            List<ConversationListener> listeners) {
        this.limits = limits;
        this.policy = policy;
        this.tlsClient = tlsClient;
        this.listeners = new ConversationListeners(listeners);
    }

    /** A session for a browser tab. */
    public LiveSession open(SessionSink sink) {
        return open(sink, "live");
    }

    /** A session for another front door; {@code origin} is recorded with its transcripts ({@code replay}, {@code library}). */
    public LiveSession open(SessionSink sink, String origin) {
        return open(sink, origin, UnaryOperator.identity());
    }

    /**
     * A session for a front door that knows secrets the dialects cannot see (a replay's secret
     * variables): every event of its conversations passes through {@code redaction} before the
     * listeners (the transcript recorder) or the sink get it.
     */
    public LiveSession open(SessionSink sink, String origin, UnaryOperator<SessionEvent> redaction) {
        LiveSession session = new LiveSession(UUID.randomUUID().toString(), origin, sink, limits, policy, tlsClient,
                listeners, clock, redaction);
        open.put(session.id(), session);
        return session;
    }

    public void close(LiveSession session) {
        session.close();
        open.remove(session.id());
    }

    @PreDestroy
    void closeAll() {
        open.values().forEach(LiveSession::close);
        open.clear();
        clock.stop();
    }
}

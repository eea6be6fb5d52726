package dev.parley.session;

import dev.parley.security.Caps;
import dev.parley.security.TargetPolicy;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Creates live sessions and knows every open one, so that shutdown closes all their sockets. */
@Component
public class LiveSessions {

    private final SessionEngine engine;
    private final Map<String, LiveSession> open = new ConcurrentHashMap<>();
    private final SessionClock clock = new SessionClock();

    @Autowired
    public LiveSessions(SessionLimits limits, TargetPolicy policy, Caps caps, TlsClient tlsClient,
            List<ConversationListener> listeners) {
        this.engine = new SessionEngine(limits, policy, caps, tlsClient, new ConversationListeners(listeners), clock);
    }

    /** Without caps, as a laptop has by default: for tests and tools that build the engine by hand. */
    public LiveSessions(SessionLimits limits, TargetPolicy policy, TlsClient tlsClient,
            List<ConversationListener> listeners) {
        this(limits, policy, Caps.unlimited(), tlsClient, listeners);
    }

    /** A session nobody owns, for a browser tab. */
    public LiveSession open(SessionSink sink) {
        return open(sink, "live", SessionOwner.NOBODY);
    }

    /**
     * A session for a front door: {@code origin} is recorded with its transcripts ({@code live},
     * {@code replay}, {@code library}); {@code owner} owns them and is who the caps count.
     */
    public LiveSession open(SessionSink sink, String origin, SessionOwner owner) {
        return open(sink, origin, owner, UnaryOperator.identity());
    }

    /**
     * A session for a front door that knows secrets the dialects cannot see (a replay's secret
     * variables): every event of its conversations passes through {@code redaction} before the
     * listeners (the transcript recorder) or the sink get it.
     */
    public LiveSession open(SessionSink sink, String origin, SessionOwner owner,
            UnaryOperator<SessionEvent> redaction) {
        LiveSession session = new LiveSession(UUID.randomUUID().toString(), origin, owner, sink, engine, redaction);
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

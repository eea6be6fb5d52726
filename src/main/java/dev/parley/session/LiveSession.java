package dev.parley.session;

import dev.parley.protocol.Dialects;
import dev.parley.security.CapExceededException;
import dev.parley.security.Caps;
import dev.parley.security.RateLimitedException;
import dev.parley.security.TargetDeniedException;
import dev.parley.security.TargetRule;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * One viewer's session (one browser tab, one replay): at most one open connection at a time, and
 * any number of connections one after the other. Failures become {@code error} events; the
 * session itself stays usable.
 */
public final class LiveSession {

    private final String id;
    private final String origin;
    private final SessionOwner owner;
    private final SessionSink sink;
    private final SessionEngine engine;
    private final UnaryOperator<SessionEvent> redaction;
    /** Guards {@link #current} against a connect racing {@link #close()}; never held while blocking. */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Conversation current;
    private boolean closed;

    LiveSession(String id, String origin, SessionOwner owner, SessionSink sink, SessionEngine engine,
            UnaryOperator<SessionEvent> redaction) {
        this.id = id;
        this.origin = origin;
        this.owner = owner;
        this.sink = sink;
        this.engine = engine;
        this.redaction = redaction;
    }

    public String id() {
        return id;
    }

    /** Whose session this is. */
    public SessionOwner owner() {
        return owner;
    }

    public boolean connected() {
        Conversation conversation = current;
        return conversation != null && !conversation.isClosed();
    }

    /** Starts connecting; events report the outcome. Returns at once. */
    public void connect(ConnectRequest request) throws InterruptedException {
        Conversation started = null;
        lock.lock();
        try {
            Conversation open = current;
            if (closed) {
                sink.emit(new SessionEvent.Error(ErrorCode.NOT_CONNECTED.name(), "This session has ended."));
            } else if (open != null && !open.isClosed()) {
                sink.emit(new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), "Already connected to " + open.target()
                        + ". Disconnect first, then connect again."));
            } else if (request.insecure() && !engine.policy().allowsInsecureTls()) {
                sink.emit(new SessionEvent.Error(ErrorCode.TARGET_DENIED.name(),
                        "Accepting any certificate is switched off on this server; connect with verification on."));
            } else {
                started = start(request);
                if (started != null) {
                    current = started;
                }
            }
        } finally {
            lock.unlock();
        }
        if (started == null) {
            sink.flush();
            return;
        }
        Conversation conversation = started;
        Thread.ofVirtual().name("parley-target-" + id).start(() -> checkAndRun(conversation, request));
    }

    /** A new conversation within the caps (connect attempts, conversations held), or null after telling why not. */
    private Conversation start(ConnectRequest request) {
        Caps caps = engine.caps();
        Caps.Permit permit;
        try {
            caps.connectAttempt(owner.client());
            permit = caps.openConversation(owner.client());
        } catch (RateLimitedException | CapExceededException e) {
            sink.emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), e.getMessage()));
            return null;
        }
        ConversationInfo info = new ConversationInfo(UUID.randomUUID().toString(), id, origin, request.protocol(),
                request.host(), request.port(), request.implicitTls(), Instant.now(), owner.id());
        return new Conversation(info, request, Dialects.create(request.protocol(), engine.limits().framing()), sink,
                engine, redaction, permit);
    }

    private void checkAndRun(Conversation conversation, ConnectRequest request) {
        InetSocketAddress address;
        try {
            address = engine.policy().check(request.host(), request.port());
        } catch (UnknownHostException e) {
            conversation.fail(ErrorCode.CONNECT_FAILED,
                    "The host name “" + request.host() + "” could not be found. Check its spelling.");
            return;
        } catch (TargetDeniedException e) {
            // A host or port that is no target at all is the learner's typo, not a refusal.
            boolean typo = e.rule() == TargetRule.BAD_HOST || e.rule() == TargetRule.BAD_PORT;
            conversation.fail(typo ? ErrorCode.BAD_REQUEST : ErrorCode.TARGET_DENIED, e.getMessage());
            return;
        }
        conversation.run(address);
    }

    public void send(String line, boolean raw) throws InterruptedException {
        Conversation conversation = openOrComplain();
        if (conversation != null) {
            conversation.send(line, raw);
        }
    }

    public void payload(String text) throws InterruptedException {
        Conversation conversation = openOrComplain();
        if (conversation != null) {
            conversation.payload(text);
        }
    }

    public void disconnect() throws InterruptedException {
        disconnect("You closed the connection.");
    }

    /** Closes the connection from the client's side; {@code reason} is what the transcript and viewer are told. */
    public void disconnect(String reason) throws InterruptedException {
        Conversation conversation = openOrComplain();
        if (conversation != null) {
            conversation.close("client", reason, true);
            conversation.flushQuietly();
        }
    }

    /** The viewer is gone: close the target without telling anyone; no connect succeeds after this. Idempotent. */
    public void close() {
        Conversation conversation;
        lock.lock();
        try {
            closed = true;
            conversation = current;
        } finally {
            lock.unlock();
        }
        if (conversation != null) {
            conversation.close("client", "The viewer went away.", false);
        }
    }

    private Conversation openOrComplain() throws InterruptedException {
        Conversation conversation = current;
        if (conversation == null || conversation.isClosed()) {
            sink.emit(new SessionEvent.Error(ErrorCode.NOT_CONNECTED.name(),
                    "Not connected: choose a server and connect first."));
            sink.flush();
            return null;
        }
        return conversation;
    }
}

package dev.parley.session;

import dev.parley.protocol.Dialects;
import dev.parley.security.TargetDeniedException;
import dev.parley.security.TargetPolicy;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * One viewer's session (one browser tab, one replay): at most one open connection at a time, and
 * any number of connections one after the other. Failures become {@code error} events; the
 * session itself stays usable.
 */
public final class LiveSession {

    private final String id;
    private final SessionSink sink;
    private final SessionLimits limits;
    private final TargetPolicy policy;
    private final TlsClient tlsClient;
    private volatile Conversation current;

    LiveSession(String id, SessionSink sink, SessionLimits limits, TargetPolicy policy, TlsClient tlsClient) {
        this.id = id;
        this.sink = sink;
        this.limits = limits;
        this.policy = policy;
        this.tlsClient = tlsClient;
    }

    public String id() {
        return id;
    }

    public boolean connected() {
        Conversation conversation = current;
        return conversation != null && !conversation.isClosed();
    }

    /** Starts connecting; events report the outcome. Returns at once. */
    public synchronized void connect(ConnectRequest request) throws InterruptedException {
        Conversation open = current;
        if (open != null && !open.isClosed()) {
            sink.emit(new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), "Already connected to " + open.target()
                    + ". Disconnect first, then connect again."));
            return;
        }
        if (request.insecure() && !policy.allowsInsecureTls()) {
            sink.emit(new SessionEvent.Error(ErrorCode.TARGET_DENIED.name(),
                    "Accepting any certificate is switched off on this server; connect with verification on."));
            return;
        }
        Conversation conversation = new Conversation(id, request,
                Dialects.create(request.protocol(), limits.framing()), sink, limits, tlsClient);
        current = conversation;
        Thread.ofVirtual().name("parley-target-" + id).start(() -> checkAndRun(conversation, request));
    }

    private void checkAndRun(Conversation conversation, ConnectRequest request) {
        InetSocketAddress address;
        try {
            address = policy.check(request.host(), request.port());
        } catch (UnknownHostException e) {
            fail(conversation, ErrorCode.CONNECT_FAILED,
                    "The host name “" + request.host() + "” could not be found. Check its spelling.");
            return;
        } catch (TargetDeniedException e) {
            fail(conversation, ErrorCode.TARGET_DENIED, e.getMessage());
            return;
        }
        conversation.run(address);
    }

    private void fail(Conversation conversation, ErrorCode code, String message) {
        conversation.close("error", message, false);
        try {
            sink.emit(new SessionEvent.Error(code.name(), message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        Conversation conversation = openOrComplain();
        if (conversation != null) {
            conversation.close("client", "You disconnected.", true);
        }
    }

    /** The viewer is gone: close the target without telling anyone. Idempotent. */
    public void close() {
        Conversation conversation = current;
        if (conversation != null) {
            conversation.close("client", "The viewer went away.", false);
        }
    }

    private Conversation openOrComplain() throws InterruptedException {
        Conversation conversation = current;
        if (conversation == null || conversation.isClosed()) {
            sink.emit(new SessionEvent.Error(ErrorCode.NOT_CONNECTED.name(),
                    "Not connected: choose a server and connect first."));
            return null;
        }
        return conversation;
    }
}

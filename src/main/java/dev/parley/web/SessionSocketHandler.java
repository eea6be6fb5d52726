package dev.parley.web;

import dev.parley.protocol.Octets;
import dev.parley.protocol.Protocol;
import dev.parley.security.CapExceededException;
import dev.parley.security.Caps;
import dev.parley.security.Identity;
import dev.parley.session.ConnectRequest;
import dev.parley.session.EventJson;
import dev.parley.session.ErrorCode;
import dev.parley.session.HostNames;
import dev.parley.session.LiveSession;
import dev.parley.session.LiveSessions;
import dev.parley.session.SessionEvent;
import dev.parley.session.SessionLimits;
import dev.parley.session.SessionOwner;
import dev.parley.transcript.TranscriptQuota;
import dev.parley.workshop.AttendeeSockets;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/session}: routes the browser's ops to its {@link LiveSession}. Stateless itself; each
 * WebSocket's session, sender and frame assembler live in the WebSocket's attributes. A bad or
 * oversized frame gets an {@code error} event and the WebSocket stays usable.
 */
final class SessionSocketHandler extends TextWebSocketHandler {

    private static final String LIVE = "parley.live";
    private static final String SENDER = "parley.sender";
    private static final String FRAMES = "parley.frames";
    /** Tomcat's own time limit for one blocking send to a browser (its default is 20 s). */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    /** Room for the JSON around a payload's text. */
    static final int FRAME_OVERHEAD = 16 * 1024;

    private static final String PERMIT = "parley.permit";
    private static final String WORKSHOP = "parley.workshop";

    private final LiveSessions sessions;
    private final SessionLimits limits;
    private final Caps caps;
    private final TranscriptQuota quota;
    private final JsonMapper json;
    private final EventJson events;
    private final AttendeeSockets attendees;

    SessionSocketHandler(LiveSessions sessions, SessionLimits limits, Caps caps, TranscriptQuota quota, JsonMapper json,
            EventJson events, AttendeeSockets attendees) {
        this.sessions = sessions;
        this.attendees = attendees;
        this.limits = limits;
        this.caps = caps;
        this.quota = quota;
        this.json = json;
        this.events = events;
    }

    /** Long messages arrive in parts of the container's small buffer; {@link FrameAssembler} joins them. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    static int maxFrameChars(SessionLimits limits) {
        return (int) Math.min(Integer.MAX_VALUE - 8,
                Math.max(limits.maxPayload().toBytes(), limits.maxLineLength().toBytes()) + FRAME_OVERHEAD);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        if (socket instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session tomcat) {
            tomcat.getUserProperties().put(TOMCAT_SEND_TIMEOUT, limits.browserStallTimeout().toMillis());
        }
        BrowserSender sender = new BrowserSender(socket, events, limits.browserBuffer().toBytes(),
                limits.browserStallTimeout());
        socket.getAttributes().put(SENDER, sender);
        SessionOwner owner = owner(socket);
        try {
            socket.getAttributes().put(PERMIT, caps.openWebSocket(owner.client()));
        } catch (CapExceededException e) {
            // Told in words first, then closed: the page shows the sentence, not a bare close code.
            reply(sender, limit(e.getMessage()));
            closeQuietly(socket, CloseStatus.POLICY_VIOLATION.withReason("cap reached"));
            return;
        }
        socket.getAttributes().put(FRAMES, new FrameAssembler(maxFrameChars(limits)));
        LiveSession live = sessions.open(sender, "live", owner);
        socket.getAttributes().put(LIVE, live);
        Identity identity = socket.getAttributes().get(Identity.ATTRIBUTE) instanceof Identity known ? known
                : Identity.ANONYMOUS;
        socket.getAttributes().put(WORKSHOP, attendees.register(identity, new AttendeeSockets.Viewer() {
            @Override
            public void tell(SessionEvent event) {
                sender.emit(event);
                Thread.startVirtualThread(sender::flush);
            }

            @Override
            public void leave(String reason) {
                sender.emit(new SessionEvent.Notice(reason, Instant.now()));
                live.close();
                Thread.startVirtualThread(() -> {
                    sender.flush();
                    closeQuietly(socket, CloseStatus.NORMAL.withReason("left the workshop"));
                });
            }
        }));
    }

    private static SessionOwner owner(WebSocketSession socket) {
        return socket.getAttributes().get(IdentityHandshake.OWNER) instanceof SessionOwner owner ? owner
                : SessionOwner.NOBODY;
    }

    private static void closeQuietly(WebSocketSession socket, CloseStatus status) {
        try {
            socket.close(status);
        } catch (java.io.IOException ignored) {
            // already gone
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws InterruptedException {
        LiveSession live = (LiveSession) socket.getAttributes().get(LIVE);
        BrowserSender sender = (BrowserSender) socket.getAttributes().get(SENDER);
        FrameAssembler frames = (FrameAssembler) socket.getAttributes().get(FRAMES);
        // A browser that does not read its events gets no more work done for it.
        if (live == null || !sender.awaitRoom()) {
            return;
        }
        FrameAssembler.Frame frame = frames.add(message.getPayload(), message.isLast());
        if (frame == null) {
            return;
        }
        if (frame.tooLarge()) {
            reply(sender, limit("That message from the browser was " + Octets.words(frame.chars())
                    + "; one message may be at most " + Octets.words(maxFrameChars(limits))
                    + ". A mail body may be up to " + Octets.words(limits.maxPayload().toBytes())
                    + " (parley.limits.max-payload)."));
            return;
        }
        handle(live, sender, frame.text());
    }

    private void handle(LiveSession live, BrowserSender sender, String text) throws InterruptedException {
        ClientMessage frame;
        try {
            frame = ClientMessages.read(json, text);
        } catch (JacksonException e) {
            reply(sender, badRequest("That message is not valid JSON. Each message is one JSON object, such as "
                    + "{\"op\":\"send\",\"line\":\"EHLO me\"}."));
            return;
        }
        if (frame == null || frame.op() == null) {
            reply(sender, badRequest("The message has no “op”: use connect, send, payload, disconnect or ping."));
            return;
        }
        switch (frame.op()) {
            case "connect" -> connect(live, sender, frame);
            case "send" -> send(live, sender, frame);
            case "payload" -> payload(live, sender, frame);
            case "disconnect" -> live.disconnect();
            case "ping" -> reply(sender, new SessionEvent.Pong());
            default -> reply(sender, badRequest("Unknown op “" + frame.op()
                    + "”: use connect, send, payload, disconnect or ping."));
        }
    }

    private void connect(LiveSession live, BrowserSender sender, ClientMessage frame) throws InterruptedException {
        Protocol protocol = Protocol.fromId(frame.protocol()).orElse(null);
        if (protocol == null) {
            reply(sender, badRequest("Unknown protocol “" + frame.protocol() + "”: choose smtp, pop3, imap, http or raw."));
            return;
        }
        Optional<String> badHost = HostNames.problem(frame.host());
        if (badHost.isPresent()) {
            reply(sender, badRequest(badHost.get()));
            return;
        }
        if (frame.port() == null || frame.port() < 1 || frame.port() > 65535) {
            reply(sender, badRequest("The port must be a number from 1 to 65535."));
            return;
        }
        try {
            quota.check(live.owner().id());
        } catch (CapExceededException e) {
            reply(sender, limit(e.getMessage()));
            return;
        }
        String tls = frame.tls() == null ? "none" : frame.tls().toLowerCase(Locale.ROOT);
        if (!tls.equals("none") && !tls.equals("implicit")) {
            reply(sender, badRequest("“tls” must be none or implicit. STARTTLS is typed as a command once connected."));
            return;
        }
        live.connect(new ConnectRequest(protocol, frame.host().strip(), frame.port(), tls.equals("implicit"),
                Boolean.TRUE.equals(frame.insecure())));
    }

    private void send(LiveSession live, BrowserSender sender, ClientMessage frame) throws InterruptedException {
        if (frame.line() == null) {
            reply(sender, badRequest("A send needs a “line”: the text to send, without CRLF."));
            return;
        }
        long octets = utf8Length(frame.line());
        if (octets > limits.maxLineLength().toBytes()) {
            reply(sender, limit("That line is " + Octets.words(octets) + "; a line may be at most "
                    + Octets.words(limits.maxLineLength().toBytes()) + " (parley.limits.max-line-length). "
                    + "Send a long mail body with payload instead."));
            return;
        }
        live.send(frame.line(), Boolean.TRUE.equals(frame.raw()));
    }

    private void payload(LiveSession live, BrowserSender sender, ClientMessage frame) throws InterruptedException {
        if (frame.text() == null) {
            reply(sender, badRequest("A payload needs a “text”: the whole message body."));
            return;
        }
        long octets = utf8Length(frame.text());
        if (octets > limits.maxPayload().toBytes()) {
            reply(sender, limit("That payload is " + Octets.words(octets) + "; a payload may be at most "
                    + Octets.words(limits.maxPayload().toBytes()) + " (parley.limits.max-payload)."));
            return;
        }
        live.payload(frame.text());
    }

    private static long utf8Length(String text) {
        return text.chars().allMatch(c -> c < 0x80) ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void reply(BrowserSender sender, SessionEvent event) {
        sender.emit(event);
        sender.flush();
    }

    private static SessionEvent.Error badRequest(String message) {
        return new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), message);
    }

    private static SessionEvent.Error limit(String message) {
        return new SessionEvent.Error(ErrorCode.LIMIT.name(), message);
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        release(socket);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        release(socket);
    }

    private void release(WebSocketSession socket) {
        if (socket.getAttributes().remove(SENDER) instanceof BrowserSender sender) {
            sender.stop();
        }
        if (socket.getAttributes().remove(LIVE) instanceof LiveSession live) {
            sessions.close(live);
        }
        if (socket.getAttributes().remove(PERMIT) instanceof Caps.Permit permit) {
            permit.close();
        }
        if (socket.getAttributes().remove(WORKSHOP) instanceof AttendeeSockets.Registration registration) {
            registration.close();
        }
        socket.getAttributes().remove(FRAMES);
    }
}

package dev.parley.web;

import dev.parley.protocol.Protocol;
import dev.parley.session.ConnectRequest;
import dev.parley.session.ErrorCode;
import dev.parley.session.LiveSession;
import dev.parley.session.LiveSessions;
import dev.parley.session.SessionEvent;
import dev.parley.session.SessionLimits;
import java.util.Locale;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/session}: routes the browser's ops to its {@link LiveSession}. Stateless itself; each
 * WebSocket's session and sender live in the WebSocket's attributes. A bad frame gets an
 * {@code error} event and the WebSocket stays usable.
 */
final class SessionSocketHandler extends TextWebSocketHandler {

    private static final String LIVE = "parley.live";
    private static final String SENDER = "parley.sender";

    private final LiveSessions sessions;
    private final SessionLimits limits;
    private final JsonMapper json;
    private final ObjectWriter writer;

    SessionSocketHandler(LiveSessions sessions, SessionLimits limits, JsonMapper json, ObjectWriter writer) {
        this.sessions = sessions;
        this.limits = limits;
        this.json = json;
        this.writer = writer;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        BrowserSender sender = new BrowserSender(socket, writer, limits.browserQueue(), limits.browserStallTimeout());
        socket.getAttributes().put(SENDER, sender);
        socket.getAttributes().put(LIVE, sessions.open(sender));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws InterruptedException {
        LiveSession live = (LiveSession) socket.getAttributes().get(LIVE);
        BrowserSender sender = (BrowserSender) socket.getAttributes().get(SENDER);
        ClientMessage frame;
        try {
            frame = json.readValue(message.getPayload(), ClientMessage.class);
        } catch (JacksonException e) {
            sender.emit(badRequest("That message is not valid JSON. Each message is one JSON object, such as "
                    + "{\"op\":\"send\",\"line\":\"EHLO me\"}."));
            return;
        }
        if (frame == null || frame.op() == null) {
            sender.emit(badRequest("The message has no “op”: use connect, send, payload, disconnect or ping."));
            return;
        }
        switch (frame.op()) {
            case "connect" -> connect(live, sender, frame);
            case "send" -> send(live, sender, frame);
            case "payload" -> {
                if (frame.text() == null) {
                    sender.emit(badRequest("A payload needs a “text”: the whole message body."));
                } else {
                    live.payload(frame.text());
                }
            }
            case "disconnect" -> live.disconnect();
            case "ping" -> sender.emit(new SessionEvent.Pong());
            default -> sender.emit(badRequest("Unknown op “" + frame.op()
                    + "”: use connect, send, payload, disconnect or ping."));
        }
    }

    private void connect(LiveSession live, BrowserSender sender, ClientMessage frame) throws InterruptedException {
        Protocol protocol = Protocol.fromId(frame.protocol()).orElse(null);
        if (protocol == null) {
            sender.emit(badRequest("Unknown protocol “" + frame.protocol() + "”: choose smtp, pop3, imap, http or raw."));
            return;
        }
        if (frame.host() == null || frame.host().isBlank()) {
            sender.emit(badRequest("Say which host to connect to, such as localhost."));
            return;
        }
        if (frame.port() == null || frame.port() < 1 || frame.port() > 65535) {
            sender.emit(badRequest("The port must be a number from 1 to 65535."));
            return;
        }
        String tls = frame.tls() == null ? "none" : frame.tls().toLowerCase(Locale.ROOT);
        if (!tls.equals("none") && !tls.equals("implicit")) {
            sender.emit(badRequest("“tls” must be none or implicit. STARTTLS is typed as a command once connected."));
            return;
        }
        live.connect(new ConnectRequest(protocol, frame.host().trim(), frame.port(), tls.equals("implicit"),
                Boolean.TRUE.equals(frame.insecure())));
    }

    private void send(LiveSession live, BrowserSender sender, ClientMessage frame) throws InterruptedException {
        if (frame.line() == null) {
            sender.emit(badRequest("A send needs a “line”: the text to send, without CRLF."));
            return;
        }
        live.send(frame.line(), Boolean.TRUE.equals(frame.raw()));
    }

    private static SessionEvent.Error badRequest(String message) {
        return new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), message);
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
        if (socket.getAttributes().remove(LIVE) instanceof LiveSession live) {
            sessions.close(live);
        }
        if (socket.getAttributes().remove(SENDER) instanceof BrowserSender sender) {
            sender.stop();
        }
    }
}

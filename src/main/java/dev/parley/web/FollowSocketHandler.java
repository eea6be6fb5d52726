package dev.parley.web;

import dev.parley.session.ErrorCode;
import dev.parley.session.EventJson;
import dev.parley.session.SessionEvent;
import dev.parley.session.SessionLimits;
import dev.parley.workshop.Follows;
import java.io.IOException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /ws/follow?workshop={code}&attendee={id}} (CONTRACTS.md §7): the instructor's read-only
 * view of one attendee's console. Spring Security lets only the instructor in; what it sends is
 * what a second viewer may see (secrets masked). A follower's browser can never slow the attendee:
 * events are only queued for it, and one that falls behind by more than the browser buffer is
 * dropped with a word, to reconnect and catch up afresh.
 */
final class FollowSocketHandler extends TextWebSocketHandler {

    private static final String FOLLOW = "parley.follow";
    private static final String SENDER = "parley.follow.sender";

    private final Follows follows;
    private final EventJson events;
    private final SessionLimits limits;

    FollowSocketHandler(Follows follows, EventJson events, SessionLimits limits) {
        this.follows = follows;
        this.events = events;
        this.limits = limits;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        var query = UriComponentsBuilder.fromUri(socket.getUri()).build().getQueryParams();
        BrowserSender sender = new BrowserSender(socket, events, limits.browserBuffer().toBytes(),
                limits.browserStallTimeout());
        socket.getAttributes().put(SENDER, sender);
        try {
            socket.getAttributes().put(FOLLOW, follows.start(query.getFirst("workshop"), query.getFirst("attendee"),
                    json -> {
                        if (!sender.emitJson(json)) {
                            drop(socket, sender);
                            return;
                        }
                        Thread.startVirtualThread(sender::flush);
                    }));
        } catch (Follows.NotFound e) {
            sender.emit(new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), e.getMessage()));
            sender.flush();
            close(socket, CloseStatus.POLICY_VIOLATION.withReason("no such attendee"));
        }
    }

    private void drop(WebSocketSession socket, BrowserSender sender) {
        Object follow = socket.getAttributes().remove(FOLLOW);
        if (follow instanceof Follows.Follow f) {
            f.close();
            sender.stop();
            Thread.startVirtualThread(() -> close(socket, CloseStatus.SESSION_NOT_RELIABLE
                    .withReason("fell behind; reconnect to catch up")));
        }
    }

    /** Read-only: whatever the instructor's page sends is ignored, but a ping is answered. */
    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        if (message.getPayload().contains("\"ping\"") && socket.getAttributes().get(SENDER) instanceof BrowserSender s) {
            s.emit(new SessionEvent.Pong());
            s.flush();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        if (socket.getAttributes().remove(FOLLOW) instanceof Follows.Follow follow) {
            follow.close();
        }
        if (socket.getAttributes().remove(SENDER) instanceof BrowserSender sender) {
            sender.stop();
        }
    }

    private static void close(WebSocketSession socket, CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException ignored) {
            // already closed
        }
    }
}

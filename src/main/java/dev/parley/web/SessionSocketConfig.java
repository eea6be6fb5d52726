package dev.parley.web;

import dev.parley.security.Caps;
import dev.parley.session.EventJson;
import dev.parley.session.LiveSessions;
import dev.parley.session.SessionLimits;
import dev.parley.transcript.TranscriptQuota;
import dev.parley.workshop.AttendeeSockets;
import dev.parley.workshop.Follows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Registers {@code /ws/session}: a raw WebSocket with JSON frames (no STOMP: the stream is point
 * to point).
 *
 * <p>Tomcat gives every WebSocket a text buffer of the configured maximum message size, up front
 * and for the socket's whole life: 2M characters cost 4 MB of heap per open WebSocket (issue #8).
 * So the buffer is small — it fits every op but a long {@code payload} — and a longer message is
 * taken in parts and joined only while it is in flight ({@link FrameAssembler}), up to the limits
 * the handler checks ({@code parley.limits.max-payload}, {@code max-line-length}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class SessionSocketConfig implements WebSocketConfigurer {

    /** Characters: a connect or send op is well under this. */
    static final int TEXT_BUFFER_CHARS = 1024;
    /** Browsers send Parley no binary messages; a small buffer turns one away cheaply. */
    static final int BINARY_BUFFER_OCTETS = 256;

    private final SessionSocketHandler handler;
    private final FollowSocketHandler follow;

    SessionSocketConfig(LiveSessions sessions, SessionLimits limits, Caps caps, TranscriptQuota quota,
            EventJson events, AttendeeSockets attendees, Follows follows) {
        this.handler = new SessionSocketHandler(sessions, limits, caps, quota, events.mapper(), events,
                attendees);
        this.follow = new FollowSocketHandler(follows, events, limits);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Same-origin only (Spring's default check) on top of SiteGuard's Host and Origin checks.
        registry.addHandler(handler, "/ws/session").addInterceptors(new IdentityHandshake());
        registry.addHandler(follow, "/ws/follow");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_OCTETS);
        container.setMaxSessionIdleTimeout(0L);
        return container;
    }
}

package dev.parley.web;

import dev.parley.protocol.Annotation;
import dev.parley.session.LiveSessions;
import dev.parley.session.SessionEvent;
import dev.parley.session.SessionLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/** Registers {@code /ws/session}: a raw WebSocket with JSON frames (no STOMP: the stream is point to point). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class SessionSocketConfig implements WebSocketConfigurer {

    /** Large enough for a whole mail message sent with {@code payload}. */
    static final int MAX_FRAME_CHARS = 2 * 1024 * 1024;

    private final SessionSocketHandler handler;

    SessionSocketConfig(LiveSessions sessions, SessionLimits limits, JsonMapper json) {
        JsonMapper events = json.rebuild().addMixIn(Annotation.class, AnnotationJson.class).build();
        this.handler = new SessionSocketHandler(sessions, limits, events, events.writerFor(SessionEvent.class));
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/session");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        container.setMaxSessionIdleTimeout(0L);
        return container;
    }
}

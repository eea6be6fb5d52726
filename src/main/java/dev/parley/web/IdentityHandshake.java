package dev.parley.web;

import dev.parley.security.Identity;
import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/** Carries the handshake request's identity and address over to the WebSocket, for ownership and caps. */
final class IdentityHandshake implements HandshakeInterceptor {

    static final String OWNER = "parley.owner";

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            attributes.put(OWNER, Owners.of(servlet.getServletRequest()));
            attributes.put(Identity.ATTRIBUTE, Identity.of(servlet.getServletRequest()));
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
    }
}

package dev.parley.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Per-connection buffers sized for thousands of mostly idle WebSockets (issue #8: a few KB per
 * session). Tomcat keeps, for every open connection, a socket read and write buffer
 * ({@code socket.appReadBufSize}, {@code appWriteBufSize}: 8 KB each by default) and, for every
 * WebSocket, three more of {@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} (8 KB): 48 KB
 * before a single event. Parley's frames are small and a large one simply takes a few more
 * writes, so 4 KB each is plenty. Both are read once when Tomcat starts, so they are set before
 * the web server is created; an explicit system property wins.
 */
@Component
class TomcatMemory implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final int BUFFER_OCTETS = 4 * 1024;
    static final String WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (System.getProperty(WEBSOCKET_BUFFER) == null) {
            System.setProperty(WEBSOCKET_BUFFER, Integer.toString(BUFFER_OCTETS));
        }
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(BUFFER_OCTETS));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(BUFFER_OCTETS));
        });
    }
}

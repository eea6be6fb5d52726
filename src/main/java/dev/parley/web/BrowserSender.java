package dev.parley.web;

import dev.parley.session.SessionEvent;
import dev.parley.session.SessionSink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.ObjectWriter;

/**
 * The only writer to one browser's WebSocket: a bounded queue drained by one virtual thread.
 * When the browser reads slowly the queue fills and {@link #emit} blocks, so the target's reader
 * stops reading the target (TCP backpressure) instead of buffering without bound; a browser that
 * takes nothing for the stall timeout is disconnected.
 */
final class BrowserSender implements SessionSink {

    private static final Logger log = LoggerFactory.getLogger(BrowserSender.class);

    private final WebSocketSession socket;
    private final ObjectWriter writer;
    private final BlockingQueue<SessionEvent> queue;
    private final Duration stallTimeout;
    private final Thread drainer;
    private volatile boolean stopped;

    BrowserSender(WebSocketSession socket, ObjectWriter writer, int capacity, Duration stallTimeout) {
        this.socket = socket;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.stallTimeout = stallTimeout;
        this.drainer = Thread.ofVirtual().name("parley-browser-" + socket.getId()).start(this::drain);
    }

    @Override
    public void emit(SessionEvent event) throws InterruptedException {
        if (stopped) {
            throw new InterruptedException("the browser is gone");
        }
        if (!queue.offer(event, stallTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            log.info("Browser {} took no events for {}; closing it", socket.getId(), stallTimeout);
            stop();
            closeSocket(CloseStatus.SESSION_NOT_RELIABLE.withReason("browser not keeping up"));
            throw new InterruptedException("the browser stopped reading");
        }
    }

    /** Stops sending; queued events are dropped. Idempotent. */
    void stop() {
        stopped = true;
        drainer.interrupt();
    }

    private void drain() {
        try {
            while (!stopped) {
                SessionEvent event = queue.poll(1, TimeUnit.SECONDS);
                if (event != null && socket.isOpen()) {
                    socket.sendMessage(new TextMessage(writer.writeValueAsString(event)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.debug("Sending to browser {} failed: {}", socket.getId(), e.toString());
            stopped = true;
            closeSocket(CloseStatus.SERVER_ERROR);
        }
    }

    private void closeSocket(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}

package dev.parley.web;

import dev.parley.session.EventJson;
import dev.parley.session.SessionEvent;
import dev.parley.session.SessionSink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import tools.jackson.core.JacksonException;

/**
 * The only writer to one browser's WebSocket. Events are serialised as they are queued (under the
 * conversation's lock, which keeps their order) and sent by whichever thread flushes first — most
 * often the target's reader itself, so a line needs no extra thread hop and an idle browser costs
 * no thread at all. The queue is bounded in characters: a reader that finds it over
 * {@code maxBuffered} waits in {@link #awaitRoom} before it reads the target again (so TCP stops
 * the server, and Parley buffers nothing more), and a browser that takes nothing for the stall
 * timeout is disconnected.
 *
 * <p>The events of one flush leave in one write: the container may batch messages
 * ({@code RemoteEndpoint.setBatchingAllowed}) and {@link #flush} ends with {@code flushBatch()},
 * so a reply's {@code line} and its {@code complete} cost one system call, not two (issue #13).
 * Nothing waits in the batch after a flush; closing the socket flushes it too (the container's).
 */
final class BrowserSender implements SessionSink {

    private static final Logger log = LoggerFactory.getLogger(BrowserSender.class);

    private final WebSocketSession socket;
    private final EventJson json;
    private final long maxBuffered;
    private final Duration stallTimeout;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong buffered = new AtomicLong();
    private final ReentrantLock sending = new ReentrantLock();
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;
    /** The container's endpoint when it batches this socket's messages; null to send each at once. */
    private final jakarta.websocket.RemoteEndpoint.Basic batch;

    BrowserSender(WebSocketSession socket, EventJson json, long maxBuffered, Duration stallTimeout) {
        this.socket = socket;
        this.json = json;
        this.maxBuffered = maxBuffered;
        this.stallTimeout = stallTimeout;
        this.batch = batching(socket);
    }

    /** Lets the container batch this socket's messages, where it can (Tomcat, Jakarta WebSocket). */
    private static jakarta.websocket.RemoteEndpoint.Basic batching(WebSocketSession socket) {
        if (socket instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session session) {
            try {
                jakarta.websocket.RemoteEndpoint.Basic remote = session.getBasicRemote();
                remote.setBatchingAllowed(true);
                return remote;
            } catch (IOException | RuntimeException e) {
                log.debug("Messages to browser {} are sent one by one: {}", socket.getId(), e.toString());
            }
        }
        return null;
    }

    @Override
    public void emit(SessionEvent event) {
        if (stopped) {
            return;
        }
        String text;
        try {
            text = json.write(event);
        } catch (JacksonException e) {
            log.warn("An event could not be written as JSON: {}", e.getOriginalMessage());
            return;
        }
        buffered.addAndGet(text.length());
        queue.add(text);
    }

    /**
     * Queues an event already written as JSON (a follower's stream, from the bus); never blocks.
     *
     * @return false when the browser is more than its buffer behind: the caller drops it
     */
    boolean emitJson(String json) {
        if (stopped) {
            return false;
        }
        if (buffered.get() > maxBuffered) {
            return false;
        }
        buffered.addAndGet(json.length());
        queue.add(json);
        return true;
    }

    @Override
    public void flush() {
        // Whoever holds 'sending' keeps going until the queue is empty; the re-check after unlocking
        // catches an event queued just as that sender finished.
        while (!stopped && !queue.isEmpty() && sending.tryLock()) {
            try {
                for (String next = queue.poll(); next != null && !stopped; next = queue.poll()) {
                    send(next);
                    sent.incrementAndGet();
                    long left = buffered.addAndGet(-next.length());
                    if (left <= maxBuffered && waiting.get() > 0) {
                        signalRoom();
                    }
                }
                flushBatch();
            } finally {
                sending.unlock();
            }
        }
    }

    @Override
    public boolean awaitRoom() throws InterruptedException {
        flush();
        if (buffered.get() <= maxBuffered) {
            return !stopped;
        }
        roomLock.lock();
        waiting.incrementAndGet();
        try {
            long progress = sent.get();
            long deadline = System.nanoTime() + stallTimeout.toNanos();
            while (!stopped && buffered.get() > maxBuffered) {
                if (sent.get() != progress) {
                    // The browser is slow, not stalled: every event it takes restarts the clock.
                    progress = sent.get();
                    deadline = System.nanoTime() + stallTimeout.toNanos();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.info("Browser {} took no events for {}; closing it", socket.getId(), stallTimeout);
                    stop();
                    closeLater(CloseStatus.SESSION_NOT_RELIABLE.withReason("browser not keeping up"));
                    return false;
                }
                room.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
            return !stopped;
        } finally {
            waiting.decrementAndGet();
            roomLock.unlock();
        }
    }

    /** Stops sending; queued events are dropped and anyone waiting for room is released. Idempotent. */
    void stop() {
        stopped = true;
        queue.clear();
        buffered.set(0);
        signalRoom();
    }

    private void send(String json) {
        try {
            if (socket.isOpen()) {
                socket.sendMessage(new TextMessage(json));
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /** Writes what the container batched: the queue is empty, so nothing may wait in the batch. */
    private void flushBatch() {
        if (batch == null || stopped) {
            return;
        }
        try {
            if (socket.isOpen()) {
                batch.flushBatch();
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /** The browser's socket refused a write: stop, and close it without waiting. */
    private void failed(Exception e) {
        log.debug("Sending to browser {} failed: {}", socket.getId(), e.toString());
        stop();
        closeLater(CloseStatus.SERVER_ERROR);
    }

    private void signalRoom() {
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }

    /** A close frame waits for a send in progress; never let the caller wait for that. */
    private void closeLater(CloseStatus status) {
        Thread.startVirtualThread(() -> {
            try {
                socket.close(status);
            } catch (IOException ignored) {
                // Already closed.
            }
        });
    }
}

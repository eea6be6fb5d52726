package dev.parley.transcript;

import dev.parley.session.ConversationInfo;
import dev.parley.session.ConversationListener;
import dev.parley.session.SessionEvent;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records every conversation, from every front door, as a transcript. The session calls it on its
 * own threads, so it only enqueues (never blocks, never touches the database); one virtual thread
 * drains the queue every {@link #TICK} or as soon as {@link #BATCH} events wait, and writes each
 * conversation's new lines in one transaction. A killed process therefore loses at most the last
 * tick of lines; a graceful shutdown ({@link #stop()}) writes everything first.
 *
 * <p>Lines are recorded from their redacted text whenever the dialect masked a secret: the clear
 * text stays in the learner's own console and goes nowhere else.
 */
@Component
public class TranscriptRecorder implements ConversationListener, SmartLifecycle {

    static final Duration TICK = Duration.ofMillis(200);
    static final int BATCH = 500;
    /** Past this many waiting events (a stalled database) new ones are dropped, so memory stays bounded. */
    static final int MAX_QUEUED = 200_000;

    private static final Logger log = LoggerFactory.getLogger(TranscriptRecorder.class);

    private sealed interface Item {
    }

    private record Opened(String transcriptId, ConversationInfo info) implements Item {
    }

    private record Event(String conversationId, SessionEvent event) implements Item {
    }

    private record Ended(String conversationId) implements Item {
    }

    private final TranscriptStore store;
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Map<String, String> transcriptIds = new ConcurrentHashMap<>();
    /** Conversations being recorded; only touched while holding {@link #drainLock}. */
    private final Map<String, Recording> recordings = new HashMap<>();
    private final ReentrantLock drainLock = new ReentrantLock();
    private volatile boolean running;
    private volatile Thread drainer;

    public TranscriptRecorder(TranscriptStore store) {
        this.store = store;
    }

    @Override
    public void opened(ConversationInfo info) {
        String id = TranscriptIds.next();
        transcriptIds.put(info.id(), id);
        enqueue(new Opened(id, info));
    }

    @Override
    public void event(String conversationId, SessionEvent event) {
        if (event instanceof SessionEvent.Complete || event instanceof SessionEvent.Pong) {
            return;
        }
        enqueue(new Event(conversationId, event));
    }

    @Override
    public void ended(String conversationId) {
        enqueue(new Ended(conversationId));
    }

    /** The id of the transcript a conversation is recorded under (known from the moment it opened). */
    public Optional<String> transcriptId(String conversationId) {
        return Optional.ofNullable(transcriptIds.get(conversationId));
    }

    /** Writes everything queued so far, now, on the caller's thread: for a replay that returns its transcript's id. */
    public void flush() {
        drain();
    }

    private void enqueue(Item item) {
        if (queued.get() >= MAX_QUEUED && !(item instanceof Ended)) {
            if (dropped.getAndIncrement() % 10_000 == 0) {
                log.warn("Transcript recording is {} events behind; dropping events", queued.get());
            }
            return;
        }
        queue.add(item);
        if (queued.incrementAndGet() >= BATCH) {
            Thread thread = drainer;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    private void drain() {
        drainLock.lock();
        try {
            for (Item item = queue.poll(); item != null; item = queue.poll()) {
                queued.decrementAndGet();
                apply(item);
            }
            Iterator<Map.Entry<String, Recording>> it = recordings.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Recording> entry = it.next();
                Recording recording = entry.getValue();
                if (recording.needsWrite()) {
                    try {
                        recording.writeTo(store);
                    } catch (RuntimeException e) {
                        log.warn("Could not store transcript lines; will retry", e);
                        continue;
                    }
                }
                if (recording.ended()) {
                    it.remove();
                    transcriptIds.remove(entry.getKey());
                }
            }
        } finally {
            drainLock.unlock();
        }
    }

    private void apply(Item item) {
        switch (item) {
            case Opened(String transcriptId, ConversationInfo info) ->
                recordings.put(info.id(), new Recording(transcriptId, info));
            case Event(String conversationId, SessionEvent event) -> {
                Recording recording = recordings.get(conversationId);
                if (recording != null) {
                    recording.apply(event);
                }
            }
            case Ended(String conversationId) -> {
                Recording recording = recordings.get(conversationId);
                if (recording != null) {
                    recording.end();
                }
            }
        }
    }

    private void loop() {
        while (running) {
            LockSupport.parkNanos(TICK.toNanos());
            try {
                drain();
            } catch (RuntimeException e) {
                log.warn("Transcript recorder failed to drain", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        drainer = Thread.ofVirtual().name("parley-transcript-recorder").start(this::loop);
    }

    /** Graceful shutdown: every queued line is written before the database goes away. */
    @Override
    public void stop() {
        running = false;
        Thread thread = drainer;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        drain();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Sessions still open are closed when {@link dev.parley.session.LiveSessions} is destroyed,
     * which happens before this bean's destruction (it depends on the recorder): their last lines
     * are written here, while the database is still there.
     */
    @PreDestroy
    void flushOnDestroy() {
        drain();
    }

    /** Lifecycle beans stop from the highest phase down: phase 0 stops after the web server has drained. */
    @Override
    public int getPhase() {
        return 0;
    }
}

package dev.parley.transcript;

import dev.parley.session.ConversationInfo;
import dev.parley.session.ConversationListener;
import dev.parley.session.SessionEvent;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Records every conversation, from every front door, as a transcript. The session calls it on its
 * own threads, so it only enqueues (never blocks, never touches the database); one platform thread
 * drains the queue every {@link #TICK} or as soon as {@link #BATCH} events wait, and writes the new
 * lines of every conversation in one transaction. A header's counts are written every
 * {@link Recording#HEADER_EVERY} and when it ends. A killed process therefore loses at most the
 * last tick of lines (and a few seconds of a header's counts); a graceful shutdown ({@link #stop()})
 * writes everything first.
 *
 * <p>What it holds in memory is bounded in characters ({@code parley.transcripts.max-pending}),
 * queued and not-yet-written lines together: while the database is away, lines past the bound are
 * dropped and each transcript says how many it lost. A database failure is one of two kinds. The
 * database being away (no connection, a timeout) is retried on every tick and logged once per
 * outage. A row the database refuses (a constraint, a value too long) would be refused again: that
 * transcript is reported once and abandoned, never retried forever.
 *
 * <p>Lines are recorded from their redacted text whenever the dialect masked a secret: the clear
 * text stays in the learner's own console and goes nowhere else.
 */
@Component
public class TranscriptRecorder implements ConversationListener, SmartLifecycle {

    static final Duration TICK = Duration.ofMillis(200);
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(TranscriptRecorder.class);

    private sealed interface Item {

        /** What the item holds in memory, in characters of text. */
        default long chars() {
            return 0;
        }
    }

    private record Opened(String transcriptId, ConversationInfo info) implements Item {
    }

    private record Event(String conversationId, SessionEvent event, long chars) implements Item {
    }

    private record Ended(String conversationId) implements Item {
    }

    private final TranscriptStore store;
    private final long maxPendingChars;
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    /** Characters held: queued events and lines not yet written. */
    private final AtomicLong pendingChars = new AtomicLong();
    private final Map<String, LongAdder> lost = new ConcurrentHashMap<>();
    private final Map<String, String> transcriptIds = new ConcurrentHashMap<>();
    /** Conversations being recorded; only touched while holding {@link #drainLock}. */
    private final Map<String, Recording> recordings = new HashMap<>();
    private final ReentrantLock drainLock = new ReentrantLock();
    private volatile boolean running;
    private volatile Thread drainer;
    private boolean outage;

    public TranscriptRecorder(TranscriptStore store, TranscriptProperties properties) {
        this.store = store;
        this.maxPendingChars = properties.maxPending().toBytes();
    }

    @Override
    public void opened(ConversationInfo info) {
        String id = TranscriptIds.next();
        transcriptIds.put(info.id(), id);
        enqueue(new Opened(id, info));
    }

    @Override
    public void event(String conversationId, SessionEvent event) {
        int chars = SessionEvent.recordedChars(event);
        if (chars < 0 && !(event instanceof SessionEvent.Connected) && !(event instanceof SessionEvent.Closed)) {
            return;
        }
        long size = Math.max(0, chars);
        if (pendingChars.get() + size > maxPendingChars) {
            lost.computeIfAbsent(conversationId, id -> new LongAdder()).increment();
            return;
        }
        pendingChars.addAndGet(size);
        enqueue(new Event(conversationId, event, size));
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
        drain(true);
    }

    /** Characters waiting to be written (queued or held by a recording): bounded by {@code max-pending}. */
    long pendingChars() {
        return pendingChars.get();
    }

    private void enqueue(Item item) {
        queue.add(item);
        if (queued.incrementAndGet() >= BATCH) {
            Thread thread = drainer;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** @param force write every header with changed counts now, not only those due ({@link Recording#HEADER_EVERY}) */
    private void drain(boolean force) {
        drainLock.lock();
        try {
            for (Item item = queue.poll(); item != null; item = queue.poll()) {
                queued.decrementAndGet();
                apply(item);
            }
            noteLosses();
            writeAll(System.nanoTime(), force);
        } finally {
            drainLock.unlock();
        }
    }

    /**
     * Writes every recording that changed in one transaction (the common case: one commit per tick
     * however many conversations there are). When that fails for a reason other than the database
     * being away, they are written one by one, so that the one row the database refuses does not
     * keep the others out.
     */
    private void writeAll(long now, boolean force) {
        List<Recording> changed = recordings.values().stream().filter(r -> r.needsWrite(now, force)).toList();
        if (changed.size() > 1) {
            try {
                List<TranscriptStore.Append> appends = changed.stream().map(r -> r.pending(now, force)).toList();
                long[] nums = store.appendAll(appends);
                for (int i = 0; i < nums.length; i++) {
                    pendingChars.addAndGet(-changed.get(i).written(appends.get(i), nums[i], now));
                }
                recovered();
            } catch (DataAccessException | TransactionException e) {
                if (databaseAway(e)) {
                    startOutage(e);
                    return;
                }
                // one of them is refused: find it below, one by one
            }
        }
        Iterator<Map.Entry<String, Recording>> it = recordings.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Recording> entry = it.next();
            Recording recording = entry.getValue();
            if (recording.needsWrite(now, force)) {
                try {
                    pendingChars.addAndGet(-recording.writeTo(store, now, force));
                    recovered();
                } catch (DataAccessException | TransactionException e) {
                    if (databaseAway(e)) {
                        startOutage(e);
                        return; // every other recording would fail the same way: try again next tick
                    }
                    log.warn("The database refused transcript {} ({}); it is not recorded any further.",
                            recording.meta().id(), rootMessage(e));
                    pendingChars.addAndGet(-recording.unwrittenChars());
                    recording.abandon();
                }
            }
            if (recording.ended()) {
                pendingChars.addAndGet(-recording.unwrittenChars());
                it.remove();
                transcriptIds.remove(entry.getKey());
                lost.remove(entry.getKey());
            }
        }
    }

    /** Each transcript that lost events says how many, once there is room again for the sentence. */
    private void noteLosses() {
        for (Iterator<Map.Entry<String, LongAdder>> it = lost.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, LongAdder> entry = it.next();
            Recording recording = recordings.get(entry.getKey());
            if (recording == null) {
                it.remove();
                continue;
            }
            if (pendingChars.get() >= maxPendingChars) {
                continue;
            }
            long count = entry.getValue().sumThenReset();
            if (count > 0) {
                long before = recording.unwrittenChars();
                recording.lost(count);
                pendingChars.addAndGet(recording.unwrittenChars() - before);
            }
        }
    }

    /** No connection, a timeout, a failover: the database may well answer on the next tick. */
    private static boolean databaseAway(Exception e) {
        return e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException || e instanceof TransactionException;
    }

    private void startOutage(Exception e) {
        if (!outage) {
            outage = true;
            log.warn("Transcripts cannot be written right now ({}); keeping up to {} characters in memory and retrying.",
                    rootMessage(e), maxPendingChars);
        }
    }

    private void recovered() {
        if (outage) {
            outage = false;
            log.info("Transcripts are being written again.");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private void apply(Item item) {
        switch (item) {
            case Opened(String transcriptId, ConversationInfo info) ->
                recordings.put(info.id(), new Recording(transcriptId, info));
            case Event(String conversationId, SessionEvent event, long chars) -> {
                Recording recording = recordings.get(conversationId);
                long before = recording == null ? 0 : recording.unwrittenChars();
                if (recording != null) {
                    recording.apply(event);
                }
                // The event's characters now live in the recording's lines (or nowhere, if it kept none).
                long kept = recording == null ? 0 : recording.unwrittenChars() - before;
                pendingChars.addAndGet(kept - chars);
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
                drain(false);
            } catch (RuntimeException e) {
                log.warn("Transcript recorder failed to drain", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        // A platform thread: writing to an embedded H2 is CPU work, and on a virtual thread it would
        // hold one of the few carrier threads every session's reader and writer run on.
        drainer = Thread.ofPlatform().name("parley-transcript-recorder").daemon().start(this::loop);
    }

    /** Graceful shutdown: every queued line is written before the database goes away. */
    @Override
    public void stop() {
        running = false;
        Thread thread = drainer;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        drain(true);
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
        drain(true);
    }

    /** Lifecycle beans stop from the highest phase down: phase 0 stops after the web server has drained. */
    @Override
    public int getPhase() {
        return 0;
    }
}

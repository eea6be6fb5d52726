package dev.parley.session;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.Direction;
import dev.parley.protocol.Octets;
import dev.parley.security.Caps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's whole life: connect, optional TLS, then one reader loop on its own virtual
 * thread that feeds the dialect and emits events.
 *
 * <p>{@link #lock} guards the dialect, the sequence numbers and the held type-ahead, and nothing
 * that blocks is ever done while holding it: bytes for the target go to a {@link TargetWriter},
 * events for the viewer are only queued ({@link SessionSink#emit}) and delivered after the lock is
 * released, and a STARTTLS handshake runs outside it while typed lines wait. So a server that
 * stops reading, a slow browser or a slow handshake can never keep the reader, the time limits
 * ({@link #tick}) or a {@code disconnect} waiting.
 *
 * <p>After {@code closed} (or a failed connect's error) nothing more is emitted.
 */
final class Conversation {

    /** A line or payload typed while the dialect held client input. */
    private record Held(String text, boolean raw, boolean payload) {
    }

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    /** Small: an idle session keeps this buffer for as long as it lives (issue #8: a few KB per session). */
    static final int READ_BUFFER = 4 * 1024;

    private final String id;
    private final ConnectRequest request;
    private final SessionSink sink;
    private final SessionLimits limits;
    private final TlsClient tlsClient;
    private final Dialect dialect;
    private final ConversationListener listener;
    private final SessionClock clock;
    private final UnaryOperator<SessionEvent> redaction;
    /** This conversation's slot under the per-client cap: given back exactly once, when it ends. */
    private final Caps.Permit permit;
    private final SendRate sends;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private volatile TargetConnection target;
    private volatile TargetWriter writer;
    private volatile long lastActivityNanos = startNanos;

    // Guarded by lock.
    private final PendingAnswers answers;
    private final RecordingBudget recording;
    private ArrayDeque<Held> held;
    private long heldChars;
    private boolean upgrading;
    private boolean finished;
    private boolean unansweredBytes;
    private long lastReadNanos;
    private long seq;
    private long emitted;

    Conversation(ConversationInfo info, ConnectRequest request, Dialect dialect, SessionSink sink,
            SessionEngine engine, UnaryOperator<SessionEvent> redaction, Caps.Permit permit) {
        this.id = info.id();
        this.request = request;
        this.dialect = dialect;
        this.sink = sink;
        this.limits = engine.limits();
        this.tlsClient = engine.tlsClient();
        this.listener = engine.listener();
        this.clock = engine.clock();
        this.redaction = redaction;
        this.permit = permit;
        this.sends = new SendRate(engine.caps().sendsPerSecond());
        this.answers = new PendingAnswers(startNanos);
        this.recording = new RecordingBudget(limits.maxTranscriptLines(), limits.maxTranscriptSize().toBytes());
        listener.opened(info);
    }

    boolean isClosed() {
        return closed.get();
    }

    String target() {
        return request.host() + ":" + request.port();
    }

    /** Connects to the checked address and reads until the end; runs on the reader's virtual thread. */
    void run(InetSocketAddress address) {
        clock.register(this);
        try {
            if (open(address)) {
                readLoop();
            }
        } catch (InterruptedException e) {
            close("client", "The viewer went away.", false);
        } catch (RuntimeException e) {
            locked(() -> emit(new SessionEvent.Error(ErrorCode.INTERNAL.name(),
                    "Parley hit an internal problem and closed this connection: " + e)));
            close("error", "Internal error.", true);
        } finally {
            clock.unregister(this);
            flushQuietly();
        }
    }

    private boolean open(InetSocketAddress address) throws InterruptedException {
        TargetConnection connection;
        try {
            connection = TargetConnection.open(address, request.host(), limits.connectTimeout());
        } catch (IOException e) {
            fail(ErrorCode.CONNECT_FAILED, ConnectFailures.explain(e, request, limits));
            return false;
        }
        writer = new TargetWriter(connection, this::writeFailed);
        target = connection;
        if (closed.get()) {
            // close() ran while connecting and found no socket to close.
            connection.close();
            return false;
        }
        locked(() -> emit(new SessionEvent.Connected(id, request.protocol().id(), connection.remote(),
                request.host(), request.implicitTls() ? "implicit" : "none")));
        sink.flush();
        if (request.implicitTls()) {
            TlsFacts facts;
            try {
                facts = connection.startTls(tlsClient, request.insecure(), limits.tlsHandshakeTimeout());
            } catch (IOException e) {
                locked(() -> emit(new SessionEvent.Error(ErrorCode.TLS_FAILED.name(),
                        ConnectFailures.explainTls(e, request))));
                close("error", "The TLS handshake failed.", true);
                return false;
            }
            locked(() -> emit(SessionEvent.Tls.of(facts, false, 0)));
        }
        if (request.protocol().greetsFirst()) {
            locked(() -> answers.expectGreeting(System.nanoTime()));
        }
        return !closed.get();
    }

    private void readLoop() throws InterruptedException {
        byte[] buffer = new byte[READ_BUFFER];
        while (!closed.get()) {
            sink.flush();
            if (!sink.awaitRoom()) {
                close("client", "The viewer stopped taking events.", false);
                return;
            }
            int n;
            try {
                n = target.read(buffer);
            } catch (IOException e) {
                if (!closed.get()) {
                    close("error", "The connection broke: " + e.getMessage(), true);
                }
                return;
            }
            boolean goAhead;
            lock.lock();
            try {
                if (n < 0) {
                    String reason = serverClosedReason();
                    handle(dialect.endOfInput());
                    close("server", reason, true);
                    return;
                }
                long now = System.nanoTime();
                lastActivityNanos = now;
                lastReadNanos = now;
                unansweredBytes = true;
                goAhead = handle(dialect.read(buffer, 0, n));
                if (!goAhead) {
                    drainHeld();
                }
                enforceMaxDuration(now);
            } finally {
                lock.unlock();
            }
            if (goAhead) {
                upgrade();
            }
        }
    }

    /** STARTTLS/STLS go-ahead: the handshake on the same socket, outside the lock, while typed lines wait. */
    private void upgrade() throws InterruptedException {
        sink.flush();
        TlsFacts facts = null;
        IOException failure = null;
        try {
            facts = target.startTls(tlsClient, request.insecure(), limits.tlsHandshakeTimeout());
        } catch (IOException e) {
            failure = e;
        }
        lock.lock();
        try {
            upgrading = false;
            if (failure != null) {
                emit(new SessionEvent.Error(ErrorCode.TLS_FAILED.name(), ConnectFailures.explainTls(failure, request)));
                close("error", "The TLS handshake after STARTTLS failed.", true);
            } else {
                emit(SessionEvent.Tls.of(facts, true, seq));
                drainHeld();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The clock's check, every {@link SessionClock#PERIOD}: the quiet time, the answer timeout, a
     * write the server does not take, idleness and the session's age. Never waits for the lock:
     * when a reader or writer holds it, the next tick checks again.
     */
    void tick(long now) {
        if (closed.get() || !lock.tryLock()) {
            return;
        }
        long before = emitted;
        boolean ended;
        try {
            checkLimits(now);
            ended = closed.get();
        } finally {
            lock.unlock();
        }
        if (ended || emitted != before) {
            // Delivery may block on a slow viewer: never on the clock's thread.
            Thread.startVirtualThread(this::flushQuietly);
        }
    }

    private void checkLimits(long now) {
        if (dialect.completesOnQuiet() && unansweredBytes && now - lastReadNanos >= limits.rawQuietTime().toNanos()) {
            handle(dialect.quiet());
            unansweredBytes = false;
        }
        Optional<PendingAnswers.Pending> overdue = answers.overdue(now, limits.answerTimeout().toNanos());
        if (overdue.isPresent()) {
            emit(new SessionEvent.Error(ErrorCode.TIMEOUT.name(), Durations.sentence(
                    "The server has not answered " + overdue.get().describe() + " for %s. It may be waiting "
                            + "for more input from you, or it may be stuck; you can keep typing or disconnect.",
                    limits.answerTimeout())));
        }
        TargetWriter out = writer;
        if (out != null && out.stalledNanos(now) > limits.writeTimeout().toNanos()) {
            emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), Durations.sentence(
                    "The server took nothing of what Parley was sending it for %s (it has stopped reading), so "
                            + "Parley closed the connection.", limits.writeTimeout())));
            close("limit", "The server stopped reading.", true);
        } else if (now - lastActivityNanos > limits.idleTimeout().toNanos()) {
            emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), Durations.sentence(
                    "Nothing was sent either way for %s, so Parley closed the connection.", limits.idleTimeout())));
            close("limit", "Idle for too long.", true);
        } else {
            enforceMaxDuration(now);
        }
    }

    /** Checked on every read as well as on every tick: a chatty server must not keep a session alive forever. */
    private void enforceMaxDuration(long now) {
        if (!closed.get() && now - startNanos > limits.maxSessionDuration().toNanos()) {
            emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), Durations.sentence(
                    "This connection reached the longest time a session may last (%s), so Parley closed it.",
                    limits.maxSessionDuration())));
            close("limit", "Session too long.", true);
        }
    }

    void send(String line, boolean raw) throws InterruptedException {
        ClientWrite.Reject lineBreak = ClientWrite.lineBreakIn(line);
        if (lineBreak != null) {
            // Refused at once, even while earlier lines wait for the server's go-ahead.
            locked(() -> tell(new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), lineBreak.reason())));
            sink.flush();
            return;
        }
        offer(new Held(line, raw, false));
    }

    void payload(String text) throws InterruptedException {
        offer(new Held(text, false, true));
    }

    private void offer(Held input) throws InterruptedException {
        lock.lock();
        try {
            if (closed.get() || target == null) {
                tell(new SessionEvent.Error(ErrorCode.NOT_CONNECTED.name(), closed.get()
                        ? "The connection is closed: connect again to send more."
                        : "Not connected yet: wait for the connection to open before sending."));
            } else if (!sends.take(System.nanoTime())) {
                tell(new SessionEvent.Error(ErrorCode.LIMIT.name(), "At most " + sends.perSecond() + " lines a second"
                        + " may be sent in one session (parley.limits.sends-per-second); this one was not sent."));
            } else if (upgrading || dialect.holdsClientInput() || (held != null && !held.isEmpty())) {
                hold(input);
            } else {
                write(input);
            }
        } finally {
            lock.unlock();
        }
        sink.flush();
    }

    private void hold(Held input) {
        int waiting = held == null ? 0 : held.size();
        if (waiting >= limits.maxHeldLines() || heldChars + input.text().length() > limits.maxHeld().toBytes()) {
            emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), "Already " + waiting + " line" + (waiting == 1 ? "" : "s")
                    + " (" + Octets.words(heldChars) + ") wait for the server's go-ahead, and at most "
                    + limits.maxHeldLines() + " lines or " + Octets.words(limits.maxHeld().toBytes())
                    + " may wait; this one was not queued."));
            return;
        }
        if (held == null) {
            held = new ArrayDeque<>(4);
        }
        held.add(input);
        heldChars += input.text().length();
        emit(new SessionEvent.Notice("Waiting for the server's go-ahead before sending this; " + held.size()
                + " waiting.", Instant.now()));
    }

    private void drainHeld() {
        while (held != null && !held.isEmpty() && !dialect.holdsClientInput() && !upgrading && !closed.get()) {
            Held next = held.removeFirst();
            heldChars -= next.text().length();
            write(next);
        }
    }

    private void write(Held input) {
        long backlog = writer.unwritten();
        if (backlog >= limits.maxUnwritten().toBytes()) {
            emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), "The server has not yet taken "
                    + Octets.words(backlog) + " that Parley sent it earlier (at most "
                    + Octets.words(limits.maxUnwritten().toBytes()) + " may wait), so this was not sent. "
                    + "The server may have stopped reading."));
            return;
        }
        ClientWrite result = input.payload() ? dialect.payload(input.text()) : dialect.write(input.text(), input.raw());
        switch (result) {
            case ClientWrite.Reject reject -> emit(new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), reject.reason()));
            case ClientWrite.Send send -> {
                long now = System.nanoTime();
                lastActivityNanos = now;
                boolean secure = target.secure();
                for (ClientWrite.ClientLine line : send.lines()) {
                    emit(new SessionEvent.Line(Direction.C.name(), line.text(), ++seq, Instant.now(),
                            line.terminator().name(), secure, line.annotation(), line.redacted()));
                }
                String first = send.lines().isEmpty() ? "" : send.lines().getFirst().text();
                answers.written(seq, now, first, send.expectsAnswer(), send.answerTag());
                // Lines are told before their bytes go: an answer can then never be seen before its command.
                writer.enqueue(send.bytes());
            }
        }
    }

    private void writeFailed(IOException e) {
        if (!closed.get()) {
            close("error", "Writing to the server failed: " + e.getMessage(), true);
            flushQuietly();
        }
    }

    /** Handles a dialect's events; returns true when one was a STARTTLS go-ahead (the caller then upgrades). */
    private boolean handle(List<DialectEvent> events) {
        boolean goAhead = false;
        for (DialectEvent event : events) {
            switch (event) {
                case DialectEvent.ServerLine line -> emit(new SessionEvent.Line(Direction.S.name(), line.text(), ++seq,
                        Instant.now(), line.terminator().name(), target.secure(), line.annotation(), line.redacted()));
                case DialectEvent.Literal literal -> emit(new SessionEvent.Literal(Direction.S.name(), literal.octets(),
                        literal.text(), literal.truncated(), ++seq, Instant.now(), target.secure()));
                case DialectEvent.BodySummary body -> emit(new SessionEvent.Body(body.contentType(), body.octets(),
                        body.description(), ++seq, Instant.now()));
                case DialectEvent.Notice notice -> emit(new SessionEvent.Notice(notice.text(), Instant.now()));
                case DialectEvent.Complete complete -> complete(complete);
                case DialectEvent.TlsGoAhead go -> {
                    upgrading = true;
                    goAhead = true;
                    if (go.discardedOctets() > 0) {
                        emit(new SessionEvent.Notice("Discarded " + go.discardedOctets() + " octets the server sent "
                                + "after its go-ahead and before TLS: plaintext there could be an injection attack.",
                                Instant.now()));
                    }
                }
                case DialectEvent.DropHeldInput drop -> {
                    int dropped = held == null ? 0 : held.size();
                    if (held != null) {
                        held.clear();
                    }
                    heldChars = 0;
                    emit(new SessionEvent.Notice(drop.reason() + (dropped > 0 ? " " + drop.dropped(dropped) : ""),
                            Instant.now()));
                }
                case DialectEvent.LimitExceeded limit -> {
                    emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), limit.message()));
                    close("limit", limit.message(), true);
                    return false;
                }
            }
        }
        return goAhead && !closed.get();
    }

    private void complete(DialectEvent.Complete complete) {
        unansweredBytes = false;
        PendingAnswers.Answered answered = answers.complete(System.nanoTime(), complete.tag());
        emit(new SessionEvent.Complete(answered.seq(), complete.status().id(), answered.elapsedMicros()));
    }

    private String serverClosedReason() {
        return answers.oldestCommand()
                .map(open -> "The server closed the connection before it finished answering " + open.describe() + ".")
                .orElse("The server closed the connection.");
    }

    /** The connection was refused or failed before it was open (policy, DNS, connect). */
    void fail(ErrorCode code, String message) {
        // Closed before the learner hears of it, so that a reconnect right after the error is accepted.
        if (closed.compareAndSet(false, true)) {
            locked(() -> {
                emit(new SessionEvent.Error(code.name(), message));
                finished = true;
            });
            listener.ended(id);
            permit.close();
            flushQuietly();
        }
    }

    /**
     * Idempotent; safe from any thread, including while the reader is blocked in a read and the
     * writer in a write. The caller delivers the {@code closed} event with its next flush.
     */
    void close(String by, String reason, boolean tell) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.debug("Conversation {} closed by {}: {}", id, by, reason);
        TargetConnection connection = target;
        if (connection != null) {
            connection.close();
        }
        locked(() -> {
            if (tell) {
                emit(new SessionEvent.Closed(by, reason));
            }
            finished = true;
        });
        listener.ended(id);
        permit.close();
    }

    /** Delivers queued events to the viewer, for callers that may not block on it or have nothing to do on failure. */
    void flushQuietly() {
        try {
            sink.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Queues an event for the listeners and the viewer; only under the lock, and never after the
     * end. A front door's own redaction (a replay's secret values) applies before anyone sees it.
     */
    private void emit(SessionEvent raw) {
        if (finished) {
            return;
        }
        SessionEvent event = redaction.apply(raw);
        emitted++;
        String stop = recording.count(event);
        listener.event(id, event);
        sink.emit(event);
        if (stop != null) {
            SessionEvent.Notice notice = SessionEvent.Notice.recordingStopped(stop, Instant.now());
            listener.event(id, notice);
            sink.emit(notice);
        }
    }

    /** An answer to the learner's own request: part of the conversation while it lasts, else for the viewer only. */
    private void tell(SessionEvent event) {
        if (finished) {
            sink.emit(event);
        } else {
            emit(event);
        }
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}

package dev.parley.session;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.Direction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection's whole life: connect, optional TLS, then one reader loop on its own virtual
 * thread that feeds the dialect and emits events. Client writes come from the viewer's thread;
 * both sides go through {@link #lock}, so the dialect is only ever used by one thread at a time,
 * and a STARTTLS handshake runs while no client write can slip out in plaintext.
 */
final class Conversation {

    /** A line or payload typed while the dialect held client input. */
    private record Held(String text, boolean raw, boolean payload) {
    }

    private final String id;
    private final ConnectRequest request;
    private final SessionSink sink;
    private final SessionLimits limits;
    private final TlsClient tlsClient;
    private final Dialect dialect;
    private final ReentrantLock lock = new ReentrantLock();
    private final PendingAnswers answers;
    private final Deque<Held> held = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private volatile TargetConnection target;
    private volatile long lastActivityNanos = startNanos;
    private long lastReadNanos;
    private boolean unansweredBytes;
    private long seq;

    private final ConversationListener listener;

    Conversation(ConversationInfo info, ConnectRequest request, Dialect dialect, SessionSink sink,
            SessionLimits limits, TlsClient tlsClient, ConversationListener listener) {
        this.id = info.id();
        this.request = request;
        this.dialect = dialect;
        this.sink = sink;
        this.limits = limits;
        this.tlsClient = tlsClient;
        this.listener = listener;
        this.answers = new PendingAnswers(startNanos);
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
        try {
            if (!open(address)) {
                return;
            }
            readLoop();
        } catch (InterruptedException e) {
            close("client", "The viewer went away.", false);
        } catch (RuntimeException e) {
            emitQuietly(new SessionEvent.Error(ErrorCode.INTERNAL.name(),
                    "Parley hit an internal problem and closed this connection: " + e));
            close("error", "Internal error.", true);
        }
    }

    private boolean open(InetSocketAddress address) throws InterruptedException {
        try {
            target = TargetConnection.open(address, request.host(), limits.connectTimeout());
        } catch (IOException e) {
            fail(ErrorCode.CONNECT_FAILED, ConnectFailures.explain(e, request, limits));
            return false;
        }
        if (closed.get()) {
            target.close();
            return false;
        }
        emit(new SessionEvent.Connected(id, request.protocol().id(), target.remote(), request.host(),
                request.implicitTls() ? "implicit" : "none"));
        if (request.implicitTls()) {
            try {
                TlsFacts facts = target.startTls(tlsClient, request.insecure(), limits.tlsHandshakeTimeout());
                emit(SessionEvent.Tls.of(facts, false, 0));
            } catch (IOException e) {
                emit(new SessionEvent.Error(ErrorCode.TLS_FAILED.name(), ConnectFailures.explainTls(e, request)));
                close("error", "The TLS handshake failed.", true);
                return false;
            }
        }
        if (request.protocol().greetsFirst()) {
            answers.expectGreeting(System.nanoTime());
        }
        return true;
    }

    private void readLoop() throws InterruptedException {
        byte[] buffer = new byte[16 * 1024];
        while (!closed.get()) {
            int n;
            try {
                target.readTimeout(dialect.completesOnQuiet() ? limits.rawQuietTime() : Duration.ofSeconds(1));
                n = target.read(buffer);
            } catch (SocketTimeoutException e) {
                tick();
                continue;
            } catch (IOException e) {
                if (!closed.get()) {
                    close("error", "The connection broke: " + e.getMessage(), true);
                }
                return;
            }
            lock.lock();
            try {
                if (n < 0) {
                    String reason = serverClosedReason();
                    handle(dialect.endOfInput());
                    close("server", reason, true);
                    return;
                }
                lastActivityNanos = lastReadNanos = System.nanoTime();
                unansweredBytes = true;
                handle(dialect.read(buffer, 0, n));
                drainHeld();
                enforceMaxDuration(lastReadNanos);
            } finally {
                lock.unlock();
            }
        }
    }

    /** The read timed out: time to check the quiet time, the answer timeout, idleness and the session's age. */
    private void tick() throws InterruptedException {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (dialect.completesOnQuiet() && unansweredBytes
                    && now - lastReadNanos >= limits.rawQuietTime().toNanos()) {
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
            if (now - lastActivityNanos > limits.idleTimeout().toNanos()) {
                emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), Durations.sentence(
                        "Nothing was sent either way for %s, so Parley closed the connection.", limits.idleTimeout())));
                close("limit", "Idle for too long.", true);
            } else {
                enforceMaxDuration(now);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Checked on every read as well as on every tick: a chatty server must not keep a session alive forever. */
    private void enforceMaxDuration(long now) throws InterruptedException {
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
            emit(new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), lineBreak.reason()));
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
                emit(new SessionEvent.Error(ErrorCode.NOT_CONNECTED.name(),
                        "Not connected yet: wait for the connection to open before sending."));
                return;
            }
            if (dialect.holdsClientInput() || !held.isEmpty()) {
                if (held.size() >= limits.maxHeldLines()) {
                    emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), "Already " + held.size()
                            + " lines are waiting for the server's go-ahead; this one was not queued."));
                    return;
                }
                held.add(input);
                emit(new SessionEvent.Notice("Waiting for the server's go-ahead before sending this; "
                        + held.size() + " waiting.", Instant.now()));
                return;
            }
            write(input);
        } finally {
            lock.unlock();
        }
    }

    private void drainHeld() throws InterruptedException {
        while (!held.isEmpty() && !dialect.holdsClientInput() && !closed.get()) {
            write(held.removeFirst());
        }
    }

    private void write(Held input) throws InterruptedException {
        ClientWrite result = input.payload() ? dialect.payload(input.text()) : dialect.write(input.text(), input.raw());
        switch (result) {
            case ClientWrite.Reject reject -> emit(new SessionEvent.Error(ErrorCode.BAD_REQUEST.name(), reject.reason()));
            case ClientWrite.Send send -> {
                try {
                    target.write(send.bytes());
                } catch (IOException e) {
                    close("error", "Writing to the server failed: " + e.getMessage(), true);
                    return;
                }
                long now = System.nanoTime();
                lastActivityNanos = now;
                for (ClientWrite.ClientLine line : send.lines()) {
                    emit(new SessionEvent.Line(Direction.C.name(), line.text(), ++seq, Instant.now(),
                            line.terminator().name(), target.secure(), line.annotation(), line.redacted()));
                }
                String first = send.lines().isEmpty() ? "" : send.lines().getFirst().text();
                answers.written(seq, now, first, send.expectsAnswer(), send.answerTag());
            }
        }
    }

    private void handle(List<DialectEvent> events) throws InterruptedException {
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
                case DialectEvent.TlsGoAhead goAhead -> upgrade(goAhead);
                case DialectEvent.DropHeldInput drop -> {
                    int dropped = held.size();
                    held.clear();
                    emit(new SessionEvent.Notice(drop.reason() + (dropped > 0 ? " " + drop.dropped(dropped) : ""),
                            Instant.now()));
                }
                case DialectEvent.LimitExceeded limit -> {
                    emit(new SessionEvent.Error(ErrorCode.LIMIT.name(), limit.message()));
                    close("limit", limit.message(), true);
                    return;
                }
            }
        }
    }

    private void complete(DialectEvent.Complete complete) throws InterruptedException {
        unansweredBytes = false;
        PendingAnswers.Answered answered = answers.complete(System.nanoTime(), complete.tag());
        emit(new SessionEvent.Complete(answered.seq(), complete.status().id(), answered.elapsedMicros()));
    }

    /** STARTTLS/STLS go-ahead: handshake on the same socket before anything else is written. */
    private void upgrade(DialectEvent.TlsGoAhead goAhead) throws InterruptedException {
        if (goAhead.discardedOctets() > 0) {
            emit(new SessionEvent.Notice("Discarded " + goAhead.discardedOctets() + " octets the server sent after "
                    + "its go-ahead and before TLS: plaintext there could be an injection attack.", Instant.now()));
        }
        try {
            TlsFacts facts = target.startTls(tlsClient, request.insecure(), limits.tlsHandshakeTimeout());
            emit(SessionEvent.Tls.of(facts, true, seq));
        } catch (IOException e) {
            emit(new SessionEvent.Error(ErrorCode.TLS_FAILED.name(), ConnectFailures.explainTls(e, request)));
            close("error", "The TLS handshake after STARTTLS failed.", true);
        }
    }

    private String serverClosedReason() {
        return answers.oldestCommand()
                .map(open -> "The server closed the connection before it finished answering " + open.describe() + ".")
                .orElse("The server closed the connection.");
    }

    /** The connection was refused before any socket was opened (policy, DNS). */
    void fail(ErrorCode code, String message) {
        // Closed before the learner hears of it, so that a reconnect right after the error is accepted.
        if (closed.compareAndSet(false, true)) {
            emitQuietly(new SessionEvent.Error(code.name(), message));
            listener.ended(id);
        }
    }

    /** Idempotent; safe from any thread, including while the reader is blocked in read. */
    void close(String by, String reason, boolean tell) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        TargetConnection connection = target;
        if (connection != null) {
            connection.close();
        }
        if (tell) {
            emitQuietly(new SessionEvent.Closed(by, reason));
        }
        listener.ended(id);
    }

    private void emit(SessionEvent event) throws InterruptedException {
        listener.event(id, event);
        sink.emit(event);
    }

    private void emitQuietly(SessionEvent event) {
        try {
            emit(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.parley.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The commands written and not yet answered, oldest first: each {@code complete} event answers
 * the oldest one (line protocols answer in order), which gives its round-trip time; one that
 * waits too long is reported once. Used under the conversation's lock only.
 */
final class PendingAnswers {

    /**
     * A command waiting for its answer; {@code seq} 0 is the connection waiting for its greeting;
     * {@code tag} the IMAP tag its answer will carry, or null.
     */
    record Pending(long seq, long sentNanos, String line, String tag) {

        String describe() {
            return seq == 0 ? "the connection (no greeting yet)" : "“" + line + "”";
        }
    }

    /** Which client line an answer belongs to, and how long it took. */
    record Answered(long seq, long elapsedMicros) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private long lastClientSeq;
    private long lastClientNanos;
    private long warnedSeq = -1;

    PendingAnswers(long startNanos) {
        this.lastClientNanos = startNanos;
    }

    /** The connection itself waits for the server's greeting. */
    void expectGreeting(long nanos) {
        pending.add(new Pending(0, nanos, "(connect)", null));
    }

    /** A client line went out; when it completes a command, its answer is awaited. */
    void written(long seq, long nanos, String line, boolean expectsAnswer, String tag) {
        lastClientSeq = seq;
        lastClientNanos = nanos;
        if (expectsAnswer) {
            pending.add(new Pending(seq, nanos, line, tag));
        }
    }

    /**
     * An answer is complete: the command with that IMAP tag, else the oldest one. Answers that no
     * write was waiting for (an IMAP {@code +} for a literal) belong to the last line written.
     */
    Answered complete(long nowNanos, String tag) {
        Pending answered = tag == null ? null : withTag(tag);
        if (answered != null) {
            pending.remove(answered);
        } else {
            answered = pending.pollFirst();
        }
        long seq = answered != null ? answered.seq() : lastClientSeq;
        long since = answered != null ? answered.sentNanos() : lastClientNanos;
        return new Answered(seq, (nowNanos - since) / 1000);
    }

    private Pending withTag(String tag) {
        for (Pending candidate : pending) {
            if (tag.equals(candidate.tag())) {
                return candidate;
            }
        }
        return null;
    }

    /** The oldest command, if it has waited longer than {@code timeoutNanos} and was not reported yet. */
    Optional<Pending> overdue(long nowNanos, long timeoutNanos) {
        Pending oldest = pending.peekFirst();
        if (oldest == null || oldest.seq() == warnedSeq || nowNanos - oldest.sentNanos() <= timeoutNanos) {
            return Optional.empty();
        }
        warnedSeq = oldest.seq();
        return Optional.of(oldest);
    }

    /** The oldest command still waiting, other than the greeting. */
    Optional<Pending> oldestCommand() {
        return Optional.ofNullable(pending.peekFirst()).filter(p -> p.seq() > 0);
    }
}

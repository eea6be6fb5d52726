package dev.parley.session;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Writes a conversation's client bytes to its target, in order, on a virtual thread of its own
 * that exists only while there is something to write. The thread that typed the line (the
 * browser's WebSocket thread) never blocks on the target: a server that stops reading can stall
 * this writer, and nothing else — the reader, the time limits and a {@code disconnect} go on, and
 * {@link #stalledNanos} lets the session's clock end a write that takes too long.
 */
final class TargetWriter {

    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong unwritten = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final TargetConnection target;
    private final Consumer<IOException> failed;
    /** {@link System#nanoTime()} when the write in progress began, or 0 when none is. */
    private volatile long writingSince;

    TargetWriter(TargetConnection target, Consumer<IOException> failed) {
        this.target = target;
        this.failed = failed;
    }

    /** Queues bytes for the target; returns at once. */
    void enqueue(byte[] bytes) {
        unwritten.addAndGet(bytes.length);
        queue.add(bytes);
        if (draining.compareAndSet(false, true)) {
            Thread.startVirtualThread(this::drain);
        }
    }

    /** Octets queued or being written and not yet taken by the target's socket. */
    long unwritten() {
        return unwritten.get();
    }

    /** How long the write in progress has been blocked; 0 when no write is in progress. */
    long stalledNanos(long nowNanos) {
        long since = writingSince;
        return since == 0 ? 0 : Math.max(0, nowNanos - since);
    }

    private void drain() {
        while (true) {
            byte[] next = queue.poll();
            if (next == null) {
                draining.set(false);
                // A line queued between the poll and the reset would otherwise wait for the next one.
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            writingSince = System.nanoTime() | 1;
            try {
                target.write(next);
            } catch (IOException e) {
                writingSince = 0;
                queue.clear();
                unwritten.set(0);
                failed.accept(e);
                return;
            } finally {
                writingSince = 0;
            }
            unwritten.addAndGet(-next.length);
        }
    }
}

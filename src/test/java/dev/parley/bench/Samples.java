package dev.parley.bench;

import java.util.Arrays;

/** A growable array of latency samples (nanoseconds); thread-safe, cheap to add to. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized Percentiles percentiles() {
        return Percentiles.of(values, size);
    }
}

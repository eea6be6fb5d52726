package dev.parley.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What a load run measured: latencies by kind, and failures by kind with a few examples. Thread-safe. */
final class LoadStats {

    /** Percentiles of one kind of latency, in milliseconds (nearest rank). */
    record Summary(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

        static Summary of(long[] nanos) {
            if (nanos.length == 0) {
                return new Summary(0, 0, 0, 0, 0);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Summary(sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(rank(sorted, 0.99)),
                    ms(sorted[sorted.length - 1]));
        }

        private static long rank(long[] sorted, double p) {
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        private static double ms(long nanos) {
            return Math.round(nanos / 10_000.0) / 100.0;
        }
    }

    private static final int SAMPLES = 20;

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final List<String> samples = new ArrayList<>();

    void latency(String kind, long nanos) {
        List<Long> list = latencies.computeIfAbsent(kind, k -> new ArrayList<>());
        synchronized (list) {
            list.add(nanos);
        }
    }

    void failure(String kind, String what) {
        failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        synchronized (samples) {
            if (samples.size() < SAMPLES) {
                samples.add(kind + ": " + what);
            }
        }
    }

    Summary summary(String kind) {
        List<Long> list = latencies.getOrDefault(kind, List.of());
        synchronized (list) {
            return Summary.of(list.stream().mapToLong(Long::longValue).toArray());
        }
    }

    int failures() {
        return failures.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    Map<String, Integer> failuresByKind() {
        Map<String, Integer> out = new TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    List<String> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    Map<String, Summary> all() {
        Map<String, Summary> out = new LinkedHashMap<>();
        new TreeMap<>(latencies).keySet().forEach(k -> out.put(k, summary(k)));
        return out;
    }
}

package dev.parley.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency figures of one series of samples (nanoseconds in, microseconds out). */
record Percentiles(long count, double p50, double p90, double p99, double max, double mean) {

    static Percentiles of(long[] nanos, int count) {
        if (count == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Percentiles(count, micros(at(sorted, 0.50)), micros(at(sorted, 0.90)), micros(at(sorted, 0.99)),
                micros(sorted[count - 1]), Math.round(sum / count / 100.0) / 10.0);
    }

    /** Nearest-rank percentile. */
    private static long at(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", count);
        out.put("p50_us", p50);
        out.put("p90_us", p90);
        out.put("p99_us", p99);
        out.put("max_us", max);
        out.put("mean_us", mean);
        return out;
    }
}

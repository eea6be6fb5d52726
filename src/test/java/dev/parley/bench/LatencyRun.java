package dev.parley.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Round-trip latency, one session per target, interleaved: each round sends one line on every
 * target in turn (the order rotating every round), so machine noise falls on all of them alike.
 * A round trip is from writing the line to its answer (Parley: its {@code complete} event).
 */
final class LatencyRun {

    private LatencyRun() {
    }

    /** Answers of a session used one line at a time. */
    private static final class OneAtATime implements BenchSession.Answers {

        private final BlockingQueue<Object> arrivals = new ArrayBlockingQueue<>(16);

        @Override
        public void answer(String line, long nanos) {
            arrivals.offer(new Object[] {line, nanos});
        }

        @Override
        public void failed(String why) {
            arrivals.offer(why);
        }

        long roundTrip(BenchSession session, String line) throws Exception {
            long start = System.nanoTime();
            session.send(line);
            Object arrival = arrivals.poll(10, TimeUnit.SECONDS);
            if (!(arrival instanceof Object[] answer)) {
                throw new IllegalStateException("no answer to " + line + ": " + arrival);
            }
            if (!("250 " + line).equals(answer[0])) {
                throw new IllegalStateException("answer to " + line + " was " + answer[0]);
            }
            return (long) answer[1] - start;
        }
    }

    static Map<String, Object> run(Target.Endpoints endpoints, HttpClient client, int warmup, int rounds)
            throws Exception {
        List<Target> targets = new ArrayList<>();
        Map<Target, BenchSession> sessions = new EnumMap<>(Target.class);
        Map<Target, OneAtATime> answers = new EnumMap<>(Target.class);
        Map<Target, Samples> samples = new EnumMap<>(Target.class);
        for (Target target : Target.values()) {
            if (endpoints.has(target)) {
                OneAtATime a = new OneAtATime();
                sessions.put(target, endpoints.open(target, client, a));
                answers.put(target, a);
                samples.put(target, new Samples());
                targets.add(target);
            }
        }
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                for (int k = 0; k < targets.size(); k++) {
                    Target target = targets.get((round + k) % targets.size());
                    long rtt = answers.get(target).roundTrip(sessions.get(target), "NOOP " + round);
                    if (round >= warmup) {
                        samples.get(target).add(rtt);
                    }
                }
            }
        } finally {
            sessions.values().forEach(BenchSession::close);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", "latency");
        out.put("warmup_rounds", warmup);
        out.put("rounds", rounds);
        Map<String, Object> byTarget = new LinkedHashMap<>();
        Map<Target, Percentiles> figures = new EnumMap<>(Target.class);
        for (Target target : targets) {
            Percentiles p = samples.get(target).percentiles();
            figures.put(target, p);
            byTarget.put(target.id(), p.json());
        }
        out.put("targets", byTarget);
        Percentiles floor = figures.get(Target.TCP);
        if (floor != null) {
            Map<String, Object> added = new LinkedHashMap<>();
            for (Target target : targets) {
                if (target != Target.TCP) {
                    Percentiles p = figures.get(target);
                    added.put(target.id(), Map.of("p50_us", round(p.p50() - floor.p50()), "p99_us",
                            round(p.p99() - floor.p99())));
                }
            }
            out.put("added_over_tcp", added);
            Percentiles ws = figures.get(Target.WEBSOCKIFY);
            Percentiles parley = figures.get(Target.PARLEY);
            if (ws != null && parley != null) {
                out.put("parley_added_over_websockify_added_p50",
                        round((parley.p50() - floor.p50()) / (ws.p50() - floor.p50())));
            }
        }
        return out;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}

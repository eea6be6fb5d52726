package dev.parley.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * N sessions each sending R lines per second for T seconds, open loop: every line has a scheduled
 * time and its latency is counted from that time, not from when it was actually written, so a
 * stalled server cannot hide its stall by slowing the client down (no coordinated omission). Each
 * line carries its number; answers are checked for loss and order.
 */
final class LoadRun {

    private static final int PARALLEL_OPENS = 32;
    private static final long DRAIN_NANOS = 10_000_000_000L;

    private LoadRun() {
    }

    /** One session's bookkeeping: when each numbered line was due, which came back, in what order. */
    private static final class Tracker implements BenchSession.Answers {

        private final long[] scheduled;
        private final Samples samples;
        /** Lines due before this (the warm-up) are checked but not measured; set once every session is open. */
        volatile long measureFrom = Long.MAX_VALUE;
        private final AtomicLong answered;
        private final AtomicLong reordered;
        private final AtomicLong failures;
        private int highest = -1;

        Tracker(int lines, Samples samples, AtomicLong answered, AtomicLong reordered, AtomicLong failures) {
            this.scheduled = new long[lines];
            this.samples = samples;
            this.answered = answered;
            this.reordered = reordered;
            this.failures = failures;
        }

        void sending(int number, long at) {
            scheduled[number] = at;
        }

        @Override
        public void answer(String line, long nanos) {
            int space = line == null ? -1 : line.lastIndexOf(' ');
            int number;
            try {
                number = Integer.parseInt(line.substring(space + 1));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                return;
            }
            synchronized (this) {
                if (number < highest) {
                    reordered.incrementAndGet();
                }
                highest = Math.max(highest, number);
            }
            answered.incrementAndGet();
            long due = scheduled[number];
            if (due >= measureFrom) {
                samples.add(nanos - due);
            }
        }

        @Override
        public void failed(String why) {
            failures.incrementAndGet();
        }
    }

    static Map<String, Object> run(Target.Endpoints endpoints, HttpClient client, Target target, int sessions,
            double rate, int seconds, int warmupSeconds) throws Exception {
        int linesPerSession = (int) Math.ceil(rate * (seconds + warmupSeconds)) + 1;
        Samples samples = new Samples();
        AtomicLong answered = new AtomicLong();
        AtomicLong reordered = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long period = (long) (1e9 / rate);
        Tracker[] trackers = new Tracker[sessions];
        Opener.Opened opened = Opener.open(endpoints, target, client, sessions, PARALLEL_OPENS, i -> {
            trackers[i] = new Tracker(linesPerSession, samples, answered, reordered, failures);
            return trackers[i];
        });
        long start = System.nanoTime() + 500_000_000L;
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Thread> senders = new ArrayList<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong sendFailures = new AtomicLong();
        for (int i = 0; i < sessions; i++) {
            BenchSession session = opened.sessions().get(i);
            if (session == null) {
                continue;
            }
            Tracker tracker = trackers[i];
            tracker.measureFrom = measureFrom;
            long phase = ThreadLocalRandom.current().nextLong(period);
            senders.add(Thread.ofVirtual().start(() -> {
                for (int number = 0; number < linesPerSession; number++) {
                    long due = start + phase + number * period;
                    if (due >= end) {
                        break;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    tracker.sending(number, due);
                    try {
                        session.send("NOOP " + number);
                        sent.incrementAndGet();
                    } catch (Exception e) {
                        sendFailures.incrementAndGet();
                        return;
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long drainUntil = System.nanoTime() + DRAIN_NANOS;
        while (answered.get() < sent.get() && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        opened.closeAll();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", "load");
        out.put("target", target.id());
        out.put("sessions_requested", sessions);
        out.put("sessions_open", opened.count());
        out.put("open_failures", opened.failed());
        out.put("first_open_failures", opened.firstFailures());
        out.put("rate_per_session", rate);
        out.put("seconds", seconds);
        out.put("warmup_seconds", warmupSeconds);
        out.put("lines_sent", sent.get());
        out.put("lines_answered", answered.get());
        out.put("lines_lost", sent.get() - answered.get());
        out.put("lines_reordered", reordered.get());
        out.put("failures", failures.get() + sendFailures.get());
        out.put("achieved_lines_per_second", LatencyRun.round(sent.get() / (double) (seconds + warmupSeconds)));
        out.put("latency", samples.percentiles().json());
        return out;
    }
}

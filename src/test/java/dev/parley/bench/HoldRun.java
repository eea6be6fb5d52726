package dev.parley.bench;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hold N sessions through Parley (each a WebSocket plus a live connection to the line server),
 * then measure Parley's live heap after a full GC, per session, with the classes that grew; then
 * check that every held session still answers; then close them all and measure again (what is not
 * given back is a leak).
 */
final class HoldRun {

    private static final int PARALLEL_OPENS = 32;

    private HoldRun() {
    }

    /** Counts answers to the verification line; failures after opening are counted too. */
    private static final class Verify implements BenchSession.Answers {

        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        volatile CountDownLatch latch;

        @Override
        public void answer(String line, long nanos) {
            answered.incrementAndGet();
            CountDownLatch l = latch;
            if (l != null) {
                l.countDown();
            }
        }

        @Override
        public void failed(String why) {
            failures.incrementAndGet();
        }
    }

    static Map<String, Object> run(Target.Endpoints endpoints, HttpClient client, int sessions) throws Exception {
        long pid = endpoints.parleyPid();
        if (pid <= 0) {
            throw new IllegalArgumentException("hold needs Parley's process id (--parley-pid)");
        }
        warmUp(endpoints, client);
        HeapProbe.Snapshot before = HeapProbe.take(pid);
        Verify verify = new Verify();
        Opener.Opened opened = Opener.open(endpoints, Target.PARLEY, client, sessions, PARALLEL_OPENS, i -> verify);
        Thread.sleep(2_000);
        HeapProbe.Snapshot held = HeapProbe.take(pid);
        int open = opened.count();

        verify.latch = new CountDownLatch(open);
        long verifyStart = System.nanoTime();
        int sendFailures = 0;
        for (int i = 0; i < opened.sessions().size(); i++) {
            BenchSession session = opened.sessions().get(i);
            if (session != null) {
                try {
                    session.send("NOOP held " + i);
                } catch (Exception e) {
                    sendFailures++;
                }
            }
        }
        boolean allAnswered = verify.latch.await(Math.max(30, open / 100), TimeUnit.SECONDS);
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;

        opened.closeAll();
        Thread.sleep(3_000);
        HeapProbe.Snapshot closed = HeapProbe.take(pid);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", "hold");
        out.put("sessions_requested", sessions);
        out.put("sessions_open", open);
        out.put("open_failures", opened.failed());
        out.put("first_open_failures", opened.firstFailures());
        out.put("open_seconds", LatencyRun.round(opened.seconds()));
        long perSession = open == 0 ? 0 : (held.liveBytes() - before.liveBytes()) / open;
        out.put("heap_per_session_bytes", perSession);
        out.put("rss_per_session_kb", open == 0 ? 0 : (held.rssKb() - before.rssKb()) / open);
        out.put("open_files_per_session", open == 0 ? 0 : LatencyRun.round((held.fds() - before.fds()) / (double) open));
        out.put("threads_per_session", open == 0 ? 0 : LatencyRun.round((held.threads() - before.threads()) / (double) open));
        out.put("verified_answered", verify.answered.get());
        out.put("verified_all", allAnswered && sendFailures == 0);
        out.put("verify_seconds", LatencyRun.round(verifySeconds));
        out.put("failures_while_held", verify.failures.get());
        out.put("heap_not_released_after_close_bytes", closed.liveBytes() - before.liveBytes());
        out.put("before", HeapProbe.json(before));
        out.put("held", HeapProbe.json(held));
        out.put("after_close", HeapProbe.json(closed));
        List<Map<String, Object>> growth = HeapProbe.topGrowth(before, held, Math.max(1, open), 20);
        out.put("top_classes_per_session", growth);
        return out;
    }

    /** A few sessions opened, used and closed first, so that class loading and JIT are not counted per session. */
    private static void warmUp(Target.Endpoints endpoints, HttpClient client) throws Exception {
        Verify verify = new Verify();
        Opener.Opened opened = Opener.open(endpoints, Target.PARLEY, client, 20, 8, i -> verify);
        verify.latch = new CountDownLatch(opened.count());
        for (BenchSession session : opened.sessions()) {
            if (session != null) {
                session.send("NOOP warm-up");
            }
        }
        verify.latch.await(30, TimeUnit.SECONDS);
        opened.closeAll();
        Thread.sleep(1_000);
    }
}

package dev.parley.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Opens many sessions at once, a bounded number in flight, and says how many failed and why. After
 * {@link #GIVE_UP_AFTER} failures it stops trying (a server out of memory or files fails every
 * later session too, each after its own timeout): the result then says how many were held.
 */
final class Opener {

    /** The sessions that opened (index i at position i, null where it failed), with the first few failures. */
    record Opened(List<BenchSession> sessions, int failed, List<String> firstFailures, double seconds) {

        int count() {
            return (int) sessions.stream().filter(s -> s != null).count();
        }

        void closeAll() {
            sessions.stream().filter(s -> s != null).forEach(BenchSession::close);
        }
    }

    static final int GIVE_UP_AFTER = 20;

    private Opener() {
    }

    static Opened open(Target.Endpoints endpoints, Target target, HttpClient client, int count, int parallel,
            IntFunction<BenchSession.Answers> answers) throws InterruptedException {
        long start = System.nanoTime();
        List<BenchSession> sessions = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(parallel);
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count && failed.get() < GIVE_UP_AFTER; i++) {
            inFlight.acquire();
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    sessions.set(index, endpoints.open(target, client, answers.apply(index)));
                } catch (Exception e) {
                    failed.incrementAndGet();
                    if (failures.size() < 5) {
                        failures.add(e.toString());
                    }
                } finally {
                    inFlight.release();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Opened(sessions, failed.get(), List.copyOf(failures), (System.nanoTime() - start) / 1e9);
    }
}

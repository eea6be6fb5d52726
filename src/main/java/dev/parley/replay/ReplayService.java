package dev.parley.replay;

import dev.parley.session.SessionOwner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Replay's one entry for every front door (the REST endpoint, the command line): checks the whole
 * request first ({@link ReplayInputException} before anything connects), then runs its transcripts,
 * several at once up to the suite's limit, each on its own virtual thread, and returns one result
 * per transcript in the order given. A caller that is interrupted (a client that went away) stops
 * every replay still running; their connections close.
 */
@Service
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final Replayer replayer;
    private final ReplayLimits limits;

    public ReplayService(Replayer replayer, ReplayLimits limits) {
        this.replayer = replayer;
        this.limits = limits;
    }

    /** Runs a spec for {@code owner}, who owns the replays' transcripts ({@link SessionOwner#NOBODY} for none). */
    public SuiteRun run(ReplaySpec spec, SessionOwner owner) throws InterruptedException {
        ReplayPlanner.Plan plan = ReplayPlanner.plan(spec, limits);
        long started = System.nanoTime();
        List<ReplayRun> runs = new ArrayList<>();
        if (plan.jobs().size() == 1) {
            runs.add(replayer.run(plan.jobs().getFirst(), plan.options(), owner));
        } else {
            Semaphore permits = new Semaphore(plan.parallel());
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<ReplayRun>> futures = new ArrayList<>();
                for (ReplayJob job : plan.jobs()) {
                    futures.add(pool.submit(() -> {
                        permits.acquire();
                        try {
                            return replayer.run(job, plan.options(), owner);
                        } finally {
                            permits.release();
                        }
                    }));
                }
                try {
                    for (int i = 0; i < futures.size(); i++) {
                        runs.add(result(plan.jobs().get(i), futures.get(i)));
                    }
                } catch (InterruptedException e) {
                    futures.forEach(f -> f.cancel(true));
                    throw e;
                }
            }
        }
        return new SuiteRun(List.copyOf(runs), (System.nanoTime() - started) / 1_000_000);
    }

    private static ReplayRun result(ReplayJob job, Future<ReplayRun> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // A defect, not the server's doing: say so in this transcript's result, run the others.
            log.warn("Replay of {} failed", job.name(), e.getCause());
            String message = "Parley hit an internal problem replaying this transcript: "
                    + e.getCause().getClass().getSimpleName();
            ReplayReport report = new ReplayReport(job.name(), job.target().toString(), false, List.of(), "", null, 0,
                    new ReplayReport.Failure("INTERNAL", message));
            return new ReplayRun(report, null, List.of());
        }
    }
}

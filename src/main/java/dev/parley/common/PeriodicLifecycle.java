package dev.parley.common;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A component whose work runs every period while the application runs: the writers and sweepers
 * (attendee activity, follow interest, workshop expiry, transcript retention). Spring starts and
 * stops it with the context; the loop itself is {@link Periodic}'s.
 */
public abstract class PeriodicLifecycle implements SmartLifecycle {

    private final Periodic periodic;
    private final boolean runAtStart;

    /**
     * @param name       the thread's name, and what a failed run's log line names
     * @param period     between the end of one run and the start of the next
     * @param runAtStart the first run at start (a purge of what piled up while stopped), not one period later
     */
    protected PeriodicLifecycle(String name, Duration period, boolean runAtStart) {
        this.periodic = new Periodic(name, period, this::runPeriodically);
        this.runAtStart = runAtStart;
    }

    /** One run of the work; an exception is logged and the next run comes as usual. */
    protected abstract void runPeriodically();

    @Override
    public void start() {
        if (runAtStart) {
            periodic.startRunningNow();
        } else {
            periodic.start();
        }
    }

    @Override
    public void stop() {
        periodic.stop();
    }

    /** Started, not stopped, and its thread alive. */
    @Override
    public boolean isRunning() {
        return periodic.isRunning();
    }
}

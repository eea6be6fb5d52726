package dev.parley.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTest {

    /**
     * The regression: a freshly started instance's roster writer exited at once when its thread ran
     * before start() had stored it. Many starts at once make that interleaving near certain.
     */
    @Test
    void everyStartedTaskRunsAgainAndAgainHoweverSoonItsThreadIsScheduled() {
        List<AtomicInteger> runs = new ArrayList<>();
        List<Periodic> tasks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            AtomicInteger count = new AtomicInteger();
            runs.add(count);
            Periodic periodic = new Periodic("test-" + i, Duration.ofMillis(5), count::incrementAndGet);
            tasks.add(periodic);
            periodic.start();
        }
        try {
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(runs).allSatisfy(count -> assertThat(count.get()).isGreaterThanOrEqualTo(3)));
        } finally {
            tasks.forEach(Periodic::stop);
        }
    }

    @Test
    void aFailingRunIsLoggedAndTheNextOneComesStopEndsIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Periodic periodic = new Periodic("failing", Duration.ofMillis(5), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("the database is away");
        });
        periodic.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> runs.get() >= 3);
        periodic.stop();
        assertThat(periodic.isRunning()).isFalse();
        Thread.sleep(50);
        int after = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).as("no run after stop").isEqualTo(after);
    }
}

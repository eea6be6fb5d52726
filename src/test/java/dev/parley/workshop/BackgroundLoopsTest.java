package dev.parley.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bus.LocalEventBus;
import dev.parley.session.EventJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workshop's background loops keep running once started. They used to start their virtual
 * thread and only then note it in the field their loop checks: a thread that ran before the
 * assignment found the field empty and ended at once, silently. On a busy machine the roster then
 * never showed anyone online or any progress, and expired workshops were never ended. Started many
 * times over, as the test context's pause and restart does, each loop must still be alive.
 */
class BackgroundLoopsTest {

    private static final int STARTS = 300;

    @Test
    void theAttendeeActivityWriterRunsAfterEveryStart() throws Exception {
        LocalEventBus bus = new LocalEventBus();
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < STARTS; i++) {
            AttendeeActivity activity = new AttendeeActivity(null, bus, new EventJson(json), null,
                    new AttendeeSockets(bus, json), new FollowInterest(bus, json));
            activity.start();
            Thread.sleep(2);
            assertThat(activity.isRunning()).as("the writer after start number %d", i + 1).isTrue();
            activity.stop();
        }
    }

    @Test
    void theExpiryCheckRunsAfterEveryStart() throws Exception {
        WorkshopProperties properties = new WorkshopProperties(null, 200, 1000, Duration.ofHours(4), Duration.ofDays(14),
                Duration.ofHours(1));
        for (int i = 0; i < STARTS; i++) {
            WorkshopExpiry expiry = new WorkshopExpiry(null, null, properties);
            expiry.start();
            Thread.sleep(2);
            assertThat(expiry.isRunning()).as("the expiry check after start number %d", i + 1).isTrue();
            expiry.stop();
        }
    }
}

package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The retention loop keeps running once started. It used to start its virtual thread before
 * noting it in the field the loop checks, so a thread that ran first ended at once, silently, and
 * old transcripts were never deleted after the first purge (or at all).
 */
class TranscriptRetentionLoopTest {

    @Test
    void theRetentionLoopRunsAfterEveryStart() throws Exception {
        TranscriptProperties keepForever = new TranscriptProperties(Duration.ZERO, Duration.ofHours(1),
                DataSize.ofMegabytes(1));
        for (int i = 0; i < 300; i++) {
            TranscriptRetention retention = new TranscriptRetention(null, keepForever);
            retention.start();
            Thread.sleep(2);
            assertThat(retention.isRunning()).as("the retention loop after start number %d", i + 1).isTrue();
            retention.stop();
        }
    }
}

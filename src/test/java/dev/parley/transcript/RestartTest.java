package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import dev.parley.protocol.Annotation;
import dev.parley.protocol.Protocol;
import dev.parley.session.ConversationInfo;
import dev.parley.session.SessionEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Transcripts outlive the application: written, the app stopped gracefully and started again on
 * the same H2 file, and everything is still there, including the lines of a session that was
 * still open at shutdown (the recorder flushes on stop).
 */
class RestartTest {

    private static ConfigurableApplicationContext start(String url) {
        return SpringApplication.run(ParleyApplication.class, "--server.port=0", "--parley.practice.enabled=false",
                "--spring.datasource.url=" + url, "--logging.level.root=WARN");
    }

    @Test
    void transcriptsSurviveARestartOnTheSameFile() {
        String url = "jdbc:h2:file:./target/restart-test/" + UUID.randomUUID() + "/parley;AUTO_SERVER=FALSE";
        String saved = TranscriptIds.next();
        String recordedId;
        try (ConfigurableApplicationContext first = start(url)) {
            first.getBean(TranscriptStore.class).save(StoreContract.sample(saved, Protocol.IMAP, StoreContract.now(), 12),
                    StoreContract.OWNER);
            TranscriptRecorder recorder = first.getBean(TranscriptRecorder.class);
            recorder.opened(new ConversationInfo("conv-1", "s", "live", Protocol.POP3, "localhost", 3110, false,
                    Instant.now()));
            recordedId = recorder.transcriptId("conv-1").orElseThrow();
            for (int i = 1; i <= 50; i++) {
                recorder.event("conv-1", new SessionEvent.Line(i % 2 == 0 ? "S" : "C", "line " + i, i, Instant.now(),
                        "CRLF", false, Annotation.payload("x"), null));
            }
            // no ended(): the session is still open when the application stops
        }
        try (ConfigurableApplicationContext second = start(url)) {
            TranscriptStore store = second.getBean(TranscriptStore.class);
            assertThat(store.find(saved)).get().extracting(t -> t.lines().size()).isEqualTo(12);
            Transcript recorded = store.find(recordedId).orElseThrow();
            assertThat(recorded.lines()).hasSize(50);
            assertThat(recorded.lines().getLast().text()).isEqualTo("line 50");
        }
    }
}

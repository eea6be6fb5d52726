package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.Protocol;
import dev.parley.session.ConversationInfo;
import dev.parley.session.SessionEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The recorder against a real database that fails (issue #8, item 3). Before: a row the database
 * refused (a 300-character host in a VARCHAR(255)) was retried, with a stack trace in the log,
 * every 200 ms forever; and while the database failed, lines piled up in memory past every cap.
 * Now a refused transcript is reported once and abandoned, an outage is logged once and retried,
 * and what the recorder holds stays within {@code parley.transcripts.max-pending}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecorderFailureTest {

    /** The real H2 database, behind a switch that can make it unreachable, as a database server going down would. */
    private static final class Unplugged extends DelegatingDataSource {

        volatile boolean down;

        Unplugged(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused: the database server is down", "08001");
            }
            return super.getConnection();
        }
    }

    private Unplugged database;
    private TranscriptStore store;

    @BeforeEach
    void freshDatabase() {
        database = new Unplugged(new DriverManagerDataSource(
                "jdbc:h2:mem:recorder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        store = new TranscriptStore(JdbcClient.create(database), new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)));
    }

    private TranscriptRecorder recorder(String maxPending) {
        return new TranscriptRecorder(store, new TranscriptProperties(java.time.Duration.ofDays(30),
                java.time.Duration.ofHours(1), DataSize.parse(maxPending)));
    }

    private static String open(TranscriptRecorder recorder, String conversation) {
        recorder.opened(new ConversationInfo(conversation, "s", "live", Protocol.SMTP, "localhost", 25, false,
                Instant.now()));
        return recorder.transcriptId(conversation).orElseThrow();
    }

    private static void line(TranscriptRecorder recorder, String conversation, int seq, String text) {
        recorder.event(conversation, new SessionEvent.Line(seq % 2 == 0 ? "S" : "C", text, seq, Instant.now(), "CRLF",
                false, Annotation.payload("x"), null));
    }

    @Test
    void aTranscriptTheDatabaseRefusesIsReportedOnceAndAbandoned(CapturedOutput output) {
        // A real refusal from the real database, as "value too long" was: a row it will never take.
        new JdbcTemplate(database).execute("ALTER TABLE transcript_line ADD CONSTRAINT no_poison"
                + " CHECK (content NOT LIKE '%poison%')");
        TranscriptRecorder recorder = recorder("64MB");
        String refused = open(recorder, "refused");
        String fine = open(recorder, "fine");
        line(recorder, "refused", 1, "poison");
        for (int i = 1; i <= 20; i++) {
            line(recorder, "fine", i, "line " + i);
        }
        for (int tick = 0; tick < 10; tick++) {
            recorder.flush();
            line(recorder, "refused", 2 + tick, "more of the refused conversation");
        }
        recorder.ended("refused");
        recorder.ended("fine");
        recorder.flush();

        assertThat(store.find(fine)).get().extracting(t -> t.lines().size()).isEqualTo(20);
        assertThat(store.find(refused)).isEmpty();
        assertThat(output.getOut().split("refused transcript", -1)).as("reported once").hasSize(2);
        assertThat(output.getOut()).doesNotContain("\tat org.h2");
        assertThat(recorder.pendingChars()).isZero();
    }

    @Test
    void anOutageIsRetriedWithinTheMemoryBoundAndTheTranscriptSaysWhatWasLost(CapturedOutput output) {
        TranscriptRecorder recorder = recorder("10KB");
        String id = open(recorder, "c");
        recorder.flush();
        database.down = true;
        for (int i = 1; i <= 1000; i++) {
            line(recorder, "c", i, "a line of about fifty characters, again and again " + i);
            if (i % 100 == 0) {
                recorder.flush();
                // the bound, give or take the one sentence that says what was lost
                assertThat(recorder.pendingChars()).isLessThanOrEqualTo(10 * 1024 + 200);
            }
        }
        assertThat(output.getOut().split("cannot be written right now", -1)).as("logged once").hasSize(2);

        database.down = false;
        recorder.ended("c");
        recorder.flush();
        recorder.flush();

        Transcript stored = store.find(id).orElseThrow();
        assertThat(stored.lines()).hasSizeBetween(100, 400);
        assertThat(stored.lines()).anySatisfy(l -> assertThat(l.text()).contains("could not be recorded",
                "transcript store fell behind"));
        assertThat(output.getOut()).contains("Transcripts are being written again");
        assertThat(recorder.pendingChars()).isZero();
    }
}

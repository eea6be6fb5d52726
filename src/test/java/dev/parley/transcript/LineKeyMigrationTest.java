package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.protocol.Protocol;
import dev.parley.support.RealServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V5 re-keys {@code transcript_line} by a number instead of the transcript's id (issue #13): a
 * database written by the earlier schema keeps every transcript and line, which read back exactly
 * as they were stored, and new transcripts are numbered after the old ones. On H2 and, when it runs
 * here, on PostgreSQL (in a schema of its own, dropped afterwards).
 */
class LineKeyMigrationTest {

    @Test
    void transcriptsStoredBeforeV5ReadBackTheSameOnH2() {
        migrateKeepingWhatWasThere(new DriverManagerDataSource(
                "jdbc:h2:mem:v5-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), null);
    }

    @Test
    void transcriptsStoredBeforeV5ReadBackTheSameOnPostgres() throws SQLException {
        String url = RealServers.value("PARLEY_PG_URL").orElse(null);
        assumeTrue(url != null, "PostgreSQL is not running here (scripts/real-servers.sh), so this test is skipped");
        String user = RealServers.value("PARLEY_PG_USER").orElse("parley");
        String password = RealServers.value("PARLEY_PG_PASSWORD").orElse("parley");
        String schema = "parley_v5_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource server = new DriverManagerDataSource(url, user, password);
        try (Connection c = server.getConnection()) {
            assumeTrue(c.isValid(2), "PostgreSQL does not answer, so this test is skipped");
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL does not answer (" + e.getMessage() + "), so this test is skipped");
        }
        String base = url.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        String inSchema = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            migrateKeepingWhatWasThere(new DriverManagerDataSource(inSchema, user, password), schema);
        } finally {
            new JdbcTemplate(server).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void migrateKeepingWhatWasThere(DataSource ds, String schema) {
        Builder builder = new Builder(ds, schema);
        builder.flyway("4").migrate();
        JdbcTemplate sql = new JdbcTemplate(ds);
        Instant started = StoreContract.now().minusSeconds(60);
        Transcript first = StoreContract.sample(TranscriptIds.next(), Protocol.POP3, started, 12);
        Transcript second = StoreContract.sample(TranscriptIds.next(), Protocol.IMAP, started.plusSeconds(1), 30);
        for (Transcript t : List.of(first, second)) {
            insertAsV4(sql, t);
        }

        builder.flyway(null).migrate();

        TranscriptStore store = new TranscriptStore(JdbcClient.create(ds), sql,
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
        assertThat(store.find(first.id())).contains(first);
        assertThat(store.find(second.id())).contains(second);
        assertThat(store.list(List.of(StoreContract.OWNER), null, 0, 10).items()).extracting(TranscriptSummary::lines)
                .containsExactly(30, 12);
        assertThat(store.storedChars(StoreContract.OWNER))
                .isEqualTo(StoreContract.chars(first.lines()) + StoreContract.chars(second.lines()));

        Transcript third = StoreContract.sample(TranscriptIds.next(), Protocol.SMTP, StoreContract.now(), 5);
        store.save(third, StoreContract.OWNER);
        assertThat(store.find(third.id())).contains(third);
        assertThat(store.delete(first.id(), StoreContract.OWNER)).isTrue();
        assertThat(store.find(second.id())).contains(second);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM transcript_line", Integer.class)).isEqualTo(30 + 5);
    }

    /** A transcript as the code before V5 stored it (TranscriptStore as of V4). */
    private static void insertAsV4(JdbcTemplate sql, Transcript t) {
        TranscriptMeta m = t.meta();
        sql.update("INSERT INTO transcript (id, protocol, origin, target_host, target_port, remote, started_at, ended_at,"
                + " closed_by, closed_reason, line_count, owner, stored_chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id(), m.protocol().id(), m.origin(), m.target().host(), m.target().port(), m.remote(),
                m.started().atOffset(ZoneOffset.UTC), m.ended().atOffset(ZoneOffset.UTC), m.closed().by(),
                m.closed().reason(), t.lines().size(), StoreContract.OWNER, StoreContract.chars(t.lines()));
        for (TranscriptLine line : t.lines()) {
            sql.update("INSERT INTO transcript_line (transcript_id, seq, kind, direction, sent_at, content, terminator,"
                    + " secure, event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(), line.seq(), line.kind().name(),
                    line.direction() == null ? null : line.direction().name(),
                    line.at() == null ? null : line.at().atOffset(ZoneOffset.UTC), line.text(),
                    line.terminator().name(), line.secure(), line.eventSeq());
        }
    }

    /** Flyway on one database (and schema), up to a version or to the latest. */
    private record Builder(DataSource ds, String schema) {

        Flyway flyway(String target) {
            var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
            if (schema != null) {
                config.schemas(schema).defaultSchema(schema);
            }
            if (target != null) {
                config.target(target);
            }
            return config.load();
        }
    }
}

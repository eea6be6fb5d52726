package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.Terminator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link TranscriptStore} promises, run against each database Parley supports: the schema
 * comes from the same Flyway migrations, the SQL is the same, only the {@link DataSource} differs.
 */
abstract class StoreContract {

    static final String OWNER = "l-owner";
    static final String OTHER = "l-other";

    protected TranscriptStore store;

    /** A database to test against; the test is skipped (with a reason) when it is not there. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void migrateAndClean() {
        DataSource ds = dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        new JdbcTemplate(ds).update("DELETE FROM transcript_line");
        new JdbcTemplate(ds).update("DELETE FROM transcript");
        store = new TranscriptStore(JdbcClient.create(ds), new JdbcTemplate(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }

    static Transcript sample(String id, Protocol protocol, Instant started, int lines) {
        List<TranscriptLine> all = new ArrayList<>();
        all.add(new TranscriptLine(1, null, started, "implicit TLSv1.3 TLS_AES_256_GCM_SHA384 verified CN=x",
                Terminator.CRLF, false, LineKind.TLS));
        for (int i = 2; i <= lines; i++) {
            all.add(new TranscriptLine(i, i % 2 == 0 ? Direction.S : Direction.C, started.plusMillis(i),
                    "line " + i + " é ✓ 'quoted' \"double\"", i % 5 == 0 ? Terminator.LF : Terminator.CRLF, true,
                    i % 7 == 0 ? LineKind.LITERAL : LineKind.LINE));
        }
        return new Transcript(new TranscriptMeta(id, protocol, "live", new HostPort("localhost", 3110),
                "127.0.0.1:3110", started, started.plusSeconds(5), new Closing("server", "bye")), all);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void savedTranscriptReadsBackEqual() {
        Transcript t = sample(TranscriptIds.next(), Protocol.POP3, now(), 20);
        store.save(t, OWNER);

        assertThat(store.find(t.id())).contains(t);
        assertThat(store.find(t.id(), List.of(OWNER))).contains(t);
    }

    @Test
    void listIsNewestFirstPagedAndFiltered() {
        Instant base = now();
        for (int i = 0; i < 5; i++) {
            store.save(sample(TranscriptIds.next(), i % 2 == 0 ? Protocol.POP3 : Protocol.IMAP, base.plusSeconds(i), 3),
                    OWNER);
        }
        store.save(sample(TranscriptIds.next(), Protocol.IMAP, base, 3), OTHER);
        TranscriptPage first = store.list(List.of(OWNER), null, 0, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).hasSize(2);
        assertThat(first.items().get(0).started()).isAfter(first.items().get(1).started());
        assertThat(store.list(List.of(OWNER), null, 2, 2).items()).hasSize(1);
        assertThat(store.list(List.of(OWNER), Protocol.IMAP, 0, 10).items()).hasSize(2)
                .allMatch(s -> s.protocol().equals("imap"));
        assertThat(store.list(List.of(OWNER, OTHER), null, 0, 10).total()).isEqualTo(6);
        assertThat(store.list(List.of(), null, 0, 10).total()).isZero();
    }

    static long chars(List<TranscriptLine> lines) {
        return lines.stream().mapToLong(l -> l.text().length()).sum();
    }

    @Test
    void appendWritesAGrowingTranscriptInBatches() {
        Transcript t = sample(TranscriptIds.next(), Protocol.SMTP, now(), 9);
        TranscriptMeta open = new TranscriptMeta(t.id(), Protocol.SMTP, "live", t.meta().target(), null,
                t.meta().started(), null, null);
        List<TranscriptLine> first = t.lines().subList(0, 3);
        long num = store.appendAll(List.of(new TranscriptStore.Append(open, OWNER, 0, true, first, 3,
                chars(first))))[0];
        assertThat(num).isPositive();
        assertThat(store.find(t.id()).orElseThrow().meta().ended()).isNull();
        // Lines without the header: the counts stay as last written, the lines are there.
        List<TranscriptLine> more = t.lines().subList(3, 6);
        store.appendAll(List.of(new TranscriptStore.Append(open, OWNER, num, false, more, 6, chars(t.lines()
                .subList(0, 6)))));
        assertThat(store.find(t.id()).orElseThrow().lines()).hasSize(6);
        assertThat(store.list(List.of(OWNER), null, 0, 1).items().getFirst().lines()).isEqualTo(3);
        List<TranscriptLine> last = t.lines().subList(6, 9);
        assertThat(store.appendAll(List.of(new TranscriptStore.Append(t.meta(), OWNER, num, true, last, 9,
                chars(t.lines()))))).containsExactly(num);

        assertThat(store.find(t.id())).contains(t);
        assertThat(store.list(List.of(OWNER), null, 0, 1).items().getFirst().lines()).isEqualTo(9);
        assertThat(store.storedChars(OWNER)).isEqualTo(chars(t.lines()));
    }

    @Test
    void transcriptsRecordedInOneBatchKeepTheirOwnLines() {
        Instant started = now();
        Transcript a = sample(TranscriptIds.next(), Protocol.SMTP, started, 5);
        Transcript b = sample(TranscriptIds.next(), Protocol.IMAP, started, 7);
        long[] nums = store.appendAll(List.of(
                new TranscriptStore.Append(a.meta(), OWNER, 0, true, a.lines(), 5, chars(a.lines())),
                new TranscriptStore.Append(b.meta(), OTHER, 0, true, b.lines(), 7, chars(b.lines()))));

        assertThat(nums[0]).isNotEqualTo(nums[1]);
        assertThat(store.find(a.id())).contains(a);
        assertThat(store.find(b.id())).contains(b);
    }

    @Test
    void aFailedSaveStoresNothing() {
        Transcript t = sample(TranscriptIds.next(), Protocol.POP3, now(), 4);
        List<TranscriptLine> duplicateSeq = new ArrayList<>(t.lines());
        duplicateSeq.add(duplicateSeq.getLast());

        assertThatThrownBy(() -> store.save(new Transcript(t.meta(), duplicateSeq), OWNER))
                .isInstanceOf(RuntimeException.class);
        assertThat(store.find(t.id())).isEmpty();
    }

    @Test
    void deleteRemovesTheTranscriptAndItsLines() {
        Transcript t = sample(TranscriptIds.next(), Protocol.POP3, now(), 4);
        store.save(t, OWNER);

        assertThat(store.delete(t.id(), OTHER)).as("only the owner deletes").isFalse();
        assertThat(store.delete(t.id(), OWNER)).isTrue();
        assertThat(store.find(t.id())).isEmpty();
        assertThat(store.delete(t.id(), OWNER)).isFalse();
        assertThat(linesStored()).as("its lines went with it").isZero();
    }

    @Test
    void retentionDeletesOldTranscriptsWithTheirLinesAndKeepsNewerOnes() {
        Instant now = now();
        Transcript old = sample(TranscriptIds.next(), Protocol.POP3, now.minusSeconds(3600), 4);
        Transcript older = sample(TranscriptIds.next(), Protocol.IMAP, now.minusSeconds(7200), 6);
        Transcript recent = sample(TranscriptIds.next(), Protocol.SMTP, now, 5);
        store.save(old, OWNER);
        store.save(older, OTHER);
        store.save(recent, OWNER);

        assertThat(store.deleteStartedBefore(now.minusSeconds(60))).isEqualTo(2);
        assertThat(store.find(old.id())).isEmpty();
        assertThat(store.find(older.id())).isEmpty();
        assertThat(store.find(recent.id())).contains(recent);
        assertThat(linesStored()).isEqualTo(5);
    }

    private int linesStored() {
        return new JdbcTemplate(dataSource()).queryForObject("SELECT COUNT(*) FROM transcript_line", Integer.class);
    }

    @Test
    void malformedIdsAreNotLookedUp() {
        assertThat(store.find("' OR 1=1 --")).isEmpty();
        assertThat(store.delete("x", OWNER)).isFalse();
    }
}

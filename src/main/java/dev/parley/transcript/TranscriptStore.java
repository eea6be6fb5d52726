package dev.parley.transcript;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.Terminator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transcripts in a relational database through plain JDBC: H2 by default, PostgreSQL when
 * configured; the schema comes from Flyway ({@code db/migration}). A whole transcript is written in
 * one transaction, so an import is stored whole or not at all; the recorder writes a live one in
 * batches as it grows ({@link #appendAll}).
 *
 * <p>A transcript has a public id (random, for links) and a compact number {@code num} (the
 * database's, for keys): its lines are keyed by {@link LineKeys one number} made of both, so the
 * lines of one transcript are one range of {@code transcript_line}'s key. The lines go with their
 * transcript here, in the same transaction: the table has no foreign key (V5).
 */
@Repository
public class TranscriptStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    public TranscriptStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    /** Stores a complete transcript under its id, atomically; {@code owner} null for nobody's. */
    public void save(Transcript transcript, String owner) {
        tx.executeWithoutResult(status -> {
            long num = insertHeader(transcript.meta(), owner, transcript.lines().size(), chars(transcript.lines()));
            insertLines(transcript.lines().stream().map(l -> new NumberedLine(num, l)).toList());
        });
    }

    /**
     * What changed in one transcript being recorded since the last write.
     *
     * @param num          the transcript's number once its header is stored; 0 the first time (the
     *                     header is then inserted and {@link #appendAll} answers its number)
     * @param header       true when the header must be written (its metadata or counts changed); the
     *                     recorder writes counts only every few seconds and at the end, not on every batch
     * @param lineCount    lines the transcript holds with these
     * @param storedChars  characters of text the transcript holds with these (the storage quota's count)
     */
    public record Append(TranscriptMeta meta, String owner, long num, boolean header, List<TranscriptLine> newLines,
            int lineCount, long storedChars) {
    }

    /**
     * The recorder's tick: every transcript that changed, in one transaction and three JDBC
     * batches (new headers, changed headers, all new lines), however many conversations there are.
     *
     * @return each transcript's number, in the order of {@code appends} (valid once this returns: on
     *         failure nothing is stored and the numbers given out are never used)
     */
    public long[] appendAll(List<Append> appends) {
        long[] nums = new long[appends.size()];
        if (appends.isEmpty()) {
            return nums;
        }
        tx.executeWithoutResult(status -> {
            List<Append> updates = new ArrayList<>();
            for (int i = 0; i < nums.length; i++) {
                Append a = appends.get(i);
                if (a.num() == 0) {
                    nums[i] = insertHeader(a.meta(), a.owner(), a.lineCount(), a.storedChars());
                } else {
                    nums[i] = a.num();
                    if (a.header()) {
                        updates.add(a);
                    }
                }
            }
            if (!updates.isEmpty()) {
                template.batchUpdate("UPDATE transcript SET remote = ?, ended_at = ?, closed_by = ?, closed_reason = ?,"
                        + " line_count = ?, stored_chars = ? WHERE num = ?", updates, 500, (ps, a) -> {
                            TranscriptMeta meta = a.meta();
                            ps.setString(1, meta.remote());
                            ps.setObject(2, time(meta.ended()));
                            ps.setString(3, meta.closed() == null ? null : meta.closed().by());
                            ps.setString(4, meta.closed() == null ? null : cut(meta.closed().reason(), 2000));
                            ps.setInt(5, a.lineCount());
                            ps.setLong(6, a.storedChars());
                            ps.setLong(7, a.num());
                        });
            }
            List<NumberedLine> lines = new ArrayList<>();
            for (int i = 0; i < nums.length; i++) {
                for (TranscriptLine line : appends.get(i).newLines()) {
                    lines.add(new NumberedLine(nums[i], line));
                }
            }
            insertLines(lines);
        });
        return nums;
    }

    public Optional<Transcript> find(String id) {
        if (!TranscriptIds.wellFormed(id)) {
            return Optional.empty();
        }
        Optional<Header> header = jdbc.sql("SELECT * FROM transcript WHERE id = ?").param(id)
                .query((rs, row) -> new Header(meta(rs, row), rs.getLong("num"))).optional();
        return header.map(h -> new Transcript(h.meta(), jdbc.sql("SELECT * FROM transcript_line"
                + " WHERE line_key BETWEEN ? AND ? ORDER BY line_key").params(LineKeys.first(h.num()),
                        LineKeys.last(h.num())).query(TranscriptStore::line).list()));
    }

    /** The transcript if one of {@code owners} owns it: what the API reads for them. */
    public Optional<Transcript> find(String id, java.util.Collection<String> owners) {
        return ownerOf(id).filter(owners::contains).flatMap(owner -> find(id));
    }

    /** Who owns transcript {@code id}; empty when nobody does or there is no such transcript. */
    public Optional<String> ownerOf(String id) {
        if (!TranscriptIds.wellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT owner FROM transcript WHERE id = ?").param(id).query(String.class).optional();
    }

    /** {@code owners}' transcripts, newest first; {@code protocol} null for all. */
    public TranscriptPage list(List<String> owners, Protocol protocol, int page, int size) {
        if (owners.isEmpty()) {
            return new TranscriptPage(List.of(), page, size, 0);
        }
        String in = String.join(", ", java.util.Collections.nCopies(owners.size(), "?"));
        List<Object> params = new ArrayList<>(owners);
        String where = " WHERE owner IN (" + in + ")";
        if (protocol != null) {
            where += " AND protocol = ?";
            params.add(protocol.id());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM transcript" + where).params(params).query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        List<TranscriptSummary> items = jdbc.sql("SELECT * FROM transcript" + where
                + " ORDER BY started_at DESC, id LIMIT ? OFFSET ?").params(params)
                .query(TranscriptStore::summary).list();
        return new TranscriptPage(items, page, size, total);
    }

    /** True when {@code owner} owned such a transcript and it is gone, with its lines. */
    public boolean delete(String id, String owner) {
        if (owner == null || !TranscriptIds.wellFormed(id)) {
            return false;
        }
        return Boolean.TRUE.equals(tx.execute(status -> {
            List<Long> nums = jdbc.sql("SELECT num FROM transcript WHERE id = ? AND owner = ?").params(id, owner)
                    .query(Long.class).list();
            return deleteByNum(nums) > 0;
        }));
    }

    /** Characters of text {@code owner}'s transcripts hold together: what the per-client storage cap counts. */
    public long storedChars(String owner) {
        return owner == null ? 0 : jdbc.sql("SELECT COALESCE(SUM(stored_chars), 0) FROM transcript WHERE owner = ?")
                .param(owner).query(Long.class).single();
    }

    /** Deletes every transcript that started before {@code cutoff}, with their lines; returns how many. */
    public int deleteStartedBefore(Instant cutoff) {
        Integer deleted = tx.execute(status -> deleteByNum(jdbc.sql("SELECT num FROM transcript WHERE started_at < ?")
                .param(time(cutoff)).query(Long.class).list()));
        return deleted == null ? 0 : deleted;
    }

    /** Deletes these transcripts and their lines (each one range of the line key); returns how many headers went. */
    private int deleteByNum(List<Long> nums) {
        if (nums.isEmpty()) {
            return 0;
        }
        template.batchUpdate("DELETE FROM transcript_line WHERE line_key BETWEEN ? AND ?", nums, 500, (ps, num) -> {
            ps.setLong(1, LineKeys.first(num));
            ps.setLong(2, LineKeys.last(num));
        });
        int deleted = 0;
        for (int[] counts : template.batchUpdate("DELETE FROM transcript WHERE num = ?", nums, 500,
                (ps, num) -> ps.setLong(1, num))) {
            for (int count : counts) {
                // A driver may answer "done, count unknown" (SUCCESS_NO_INFO, -2) for a batch.
                deleted += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
        }
        return deleted;
    }

    private static long chars(List<TranscriptLine> lines) {
        long total = 0;
        for (TranscriptLine line : lines) {
            total += line.text().length();
        }
        return total;
    }

    /** Inserts a transcript's header; returns the number the database gave it. */
    private long insertHeader(TranscriptMeta m, String owner, int lineCount, long chars) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO transcript (id, protocol, origin, target_host, target_port, remote, started_at,"
                + " ended_at, closed_by, closed_reason, line_count, owner, stored_chars)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.protocol().id(), m.origin(), m.target() == null ? null : cut(m.target().host(), 255),
                        m.target() == null ? null : m.target().port(), m.remote(), time(m.started()), time(m.ended()),
                        m.closed() == null ? null : m.closed().by(),
                        m.closed() == null ? null : cut(m.closed().reason(), 2000), lineCount, owner, chars)
                .update(key, "num");
        Number num = key.getKey();
        if (num == null) {
            throw new IllegalStateException("The database gave transcript " + m.id() + " no number");
        }
        return num.longValue();
    }

    /** A transcript's header as read, with its number. */
    private record Header(TranscriptMeta meta, long num) {
    }

    /** A line and the number of the transcript it belongs to. */
    private record NumberedLine(long num, TranscriptLine line) {
    }

    /** Lines of any transcripts, in one JDBC batch. */
    private void insertLines(List<NumberedLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        template.batchUpdate("INSERT INTO transcript_line (line_key, transcript_num, seq, kind, direction, sent_at,"
                + " content, terminator, secure, event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, 500,
                (ps, numbered) -> {
                    TranscriptLine line = numbered.line();
                    ps.setLong(1, LineKeys.of(numbered.num(), line.seq()));
                    ps.setLong(2, numbered.num());
                    ps.setInt(3, line.seq());
                    ps.setString(4, line.kind().name());
                    ps.setString(5, line.direction() == null ? null : line.direction().name());
                    ps.setObject(6, time(line.at()));
                    ps.setString(7, line.text());
                    ps.setString(8, line.terminator().name());
                    ps.setBoolean(9, line.secure());
                    ps.setLong(10, line.eventSeq());
                });
    }

    private static TranscriptMeta meta(ResultSet rs, int row) throws SQLException {
        String host = rs.getString("target_host");
        String by = rs.getString("closed_by");
        return new TranscriptMeta(rs.getString("id"), Protocol.fromId(rs.getString("protocol")).orElseThrow(),
                rs.getString("origin"), host == null ? null : new HostPort(host, rs.getInt("target_port")),
                rs.getString("remote"), instant(rs, "started_at"), instant(rs, "ended_at"),
                by == null ? null : new Closing(by, rs.getString("closed_reason")));
    }

    private static TranscriptSummary summary(ResultSet rs, int row) throws SQLException {
        String host = rs.getString("target_host");
        return new TranscriptSummary(rs.getString("id"), rs.getString("protocol"), rs.getString("origin"),
                host == null ? null : new HostPort(host, rs.getInt("target_port")).toString(),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("closed_by"), rs.getInt("line_count"));
    }

    private static TranscriptLine line(ResultSet rs, int row) throws SQLException {
        String direction = rs.getString("direction");
        return new TranscriptLine(rs.getInt("seq"), direction == null ? null : Direction.valueOf(direction.strip()),
                instant(rs, "sent_at"), rs.getString("content"), Terminator.valueOf(rs.getString("terminator")),
                rs.getBoolean("secure"), LineKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getLong("event_seq"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

package dev.parley.transcript;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.Terminator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transcripts in a relational database through plain JDBC: H2 by default, PostgreSQL when
 * configured; the schema comes from Flyway ({@code db/migration}). A whole transcript is written in
 * one transaction, so an import is stored whole or not at all; the recorder writes a live one in
 * batches as it grows ({@link #append}).
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

    /** Stores a complete transcript under its id, atomically. */
    public void save(Transcript transcript) {
        tx.executeWithoutResult(status -> {
            insertHeader(transcript.meta(), transcript.lines().size());
            insertLines(transcript.id(), transcript.lines());
        });
    }

    /**
     * One batch of a transcript being recorded: its header (inserted the first time, updated
     * after) and its new lines, in one transaction.
     */
    public void append(TranscriptMeta meta, boolean first, List<TranscriptLine> newLines, int lineCount) {
        tx.executeWithoutResult(status -> {
            if (first) {
                insertHeader(meta, lineCount);
            } else {
                jdbc.sql("UPDATE transcript SET remote = ?, ended_at = ?, closed_by = ?, closed_reason = ?,"
                        + " line_count = ? WHERE id = ?")
                        .params(meta.remote(), time(meta.ended()), meta.closed() == null ? null : meta.closed().by(),
                                meta.closed() == null ? null : cut(meta.closed().reason(), 2000), lineCount, meta.id())
                        .update();
            }
            insertLines(meta.id(), newLines);
        });
    }

    public Optional<Transcript> find(String id) {
        if (!TranscriptIds.wellFormed(id)) {
            return Optional.empty();
        }
        Optional<TranscriptMeta> meta = jdbc.sql("SELECT * FROM transcript WHERE id = ?").param(id)
                .query(TranscriptStore::meta).optional();
        return meta.map(m -> new Transcript(m, jdbc.sql("SELECT * FROM transcript_line WHERE transcript_id = ?"
                + " ORDER BY seq").param(id).query(TranscriptStore::line).list()));
    }

    /** Newest first; {@code protocol} null for all. */
    public TranscriptPage list(Protocol protocol, int page, int size) {
        String where = protocol == null ? "" : " WHERE protocol = '" + protocol.id() + "'";
        long total = jdbc.sql("SELECT COUNT(*) FROM transcript" + where).query(Long.class).single();
        List<TranscriptSummary> items = jdbc.sql("SELECT * FROM transcript" + where
                + " ORDER BY started_at DESC, id LIMIT ? OFFSET ?").params(size, (long) page * size)
                .query(TranscriptStore::summary).list();
        return new TranscriptPage(items, page, size, total);
    }

    /** True when there was such a transcript. Its lines go with it (ON DELETE CASCADE). */
    public boolean delete(String id) {
        return TranscriptIds.wellFormed(id) && jdbc.sql("DELETE FROM transcript WHERE id = ?").param(id).update() > 0;
    }

    /** Deletes every transcript that started before {@code cutoff} (their lines go with them); returns how many. */
    public int deleteStartedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM transcript WHERE started_at < ?").param(time(cutoff)).update();
    }

    private void insertHeader(TranscriptMeta m, int lineCount) {
        jdbc.sql("INSERT INTO transcript (id, protocol, origin, target_host, target_port, remote, started_at,"
                + " ended_at, closed_by, closed_reason, line_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.protocol().id(), m.origin(), m.target() == null ? null : cut(m.target().host(), 255),
                        m.target() == null ? null : m.target().port(), m.remote(), time(m.started()), time(m.ended()),
                        m.closed() == null ? null : m.closed().by(),
                        m.closed() == null ? null : cut(m.closed().reason(), 2000), lineCount)
                .update();
    }

    private void insertLines(String id, List<TranscriptLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        template.batchUpdate("INSERT INTO transcript_line (transcript_id, seq, kind, direction, sent_at, content,"
                + " terminator, secure) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lines, 500, (ps, line) -> {
                    ps.setString(1, id);
                    ps.setInt(2, line.seq());
                    ps.setString(3, line.kind().name());
                    ps.setString(4, line.direction() == null ? null : line.direction().name());
                    ps.setObject(5, time(line.at()));
                    ps.setString(6, line.text());
                    ps.setString(7, line.terminator().name());
                    ps.setBoolean(8, line.secure());
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
                rs.getBoolean("secure"), LineKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)));
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

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

    /** Stores a complete transcript under its id, atomically; {@code owner} null for nobody's. */
    public void save(Transcript transcript, String owner) {
        tx.executeWithoutResult(status -> {
            insertHeader(transcript.meta(), owner, transcript.lines().size(), chars(transcript.lines()));
            insertLines(transcript.lines().stream().map(l -> new Object[] {transcript.id(), l}).toList());
        });
    }

    /**
     * What changed in one transcript being recorded: its header (inserted the first time, updated
     * after) and its new lines.
     */
    public record Append(TranscriptMeta meta, String owner, boolean first, List<TranscriptLine> newLines, int lineCount) {
    }

    /** One batch of a transcript being recorded, in one transaction. */
    public void append(TranscriptMeta meta, String owner, boolean first, List<TranscriptLine> newLines, int lineCount) {
        appendAll(List.of(new Append(meta, owner, first, newLines, lineCount)));
    }

    /**
     * The recorder's tick: every transcript that changed, in one transaction and three JDBC
     * batches (new headers, updated headers, all new lines), however many conversations there are.
     */
    public void appendAll(List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            for (Append a : appends) {
                if (a.first()) {
                    insertHeader(a.meta(), a.owner(), a.lineCount(), chars(a.newLines()));
                }
            }
            List<Append> updates = appends.stream().filter(a -> !a.first()).toList();
            if (!updates.isEmpty()) {
                template.batchUpdate("UPDATE transcript SET remote = ?, ended_at = ?, closed_by = ?, closed_reason = ?,"
                        + " line_count = ?, stored_chars = stored_chars + ? WHERE id = ?", updates, 500, (ps, a) -> {
                            TranscriptMeta meta = a.meta();
                            ps.setString(1, meta.remote());
                            ps.setObject(2, time(meta.ended()));
                            ps.setString(3, meta.closed() == null ? null : meta.closed().by());
                            ps.setString(4, meta.closed() == null ? null : cut(meta.closed().reason(), 2000));
                            ps.setInt(5, a.lineCount());
                            ps.setLong(6, chars(a.newLines()));
                            ps.setString(7, meta.id());
                        });
            }
            List<Object[]> lines = new java.util.ArrayList<>();
            for (Append a : appends) {
                for (TranscriptLine line : a.newLines()) {
                    lines.add(new Object[] {a.meta().id(), line});
                }
            }
            insertLines(lines);
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
        List<Object> params = new java.util.ArrayList<>(owners);
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

    /** True when {@code owner} owned such a transcript and it is gone. Its lines go with it (ON DELETE CASCADE). */
    public boolean delete(String id, String owner) {
        return owner != null && TranscriptIds.wellFormed(id)
                && jdbc.sql("DELETE FROM transcript WHERE id = ? AND owner = ?").params(id, owner).update() > 0;
    }

    /** Characters of text {@code owner}'s transcripts hold together: what the per-client storage cap counts. */
    public long storedChars(String owner) {
        return owner == null ? 0 : jdbc.sql("SELECT COALESCE(SUM(stored_chars), 0) FROM transcript WHERE owner = ?")
                .param(owner).query(Long.class).single();
    }

    /** Deletes every transcript that started before {@code cutoff} (their lines go with them); returns how many. */
    public int deleteStartedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM transcript WHERE started_at < ?").param(time(cutoff)).update();
    }

    private static long chars(List<TranscriptLine> lines) {
        long total = 0;
        for (TranscriptLine line : lines) {
            total += line.text().length();
        }
        return total;
    }

    private void insertHeader(TranscriptMeta m, String owner, int lineCount, long chars) {
        jdbc.sql("INSERT INTO transcript (id, protocol, origin, target_host, target_port, remote, started_at,"
                + " ended_at, closed_by, closed_reason, line_count, owner, stored_chars)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.protocol().id(), m.origin(), m.target() == null ? null : cut(m.target().host(), 255),
                        m.target() == null ? null : m.target().port(), m.remote(), time(m.started()), time(m.ended()),
                        m.closed() == null ? null : m.closed().by(),
                        m.closed() == null ? null : cut(m.closed().reason(), 2000), lineCount, owner, chars)
                .update();
    }

    /** Lines of any transcripts, each as {@code {transcriptId, TranscriptLine}}, in one JDBC batch. */
    private void insertLines(List<Object[]> lines) {
        if (lines.isEmpty()) {
            return;
        }
        template.batchUpdate("INSERT INTO transcript_line (transcript_id, seq, kind, direction, sent_at, content,"
                + " terminator, secure, event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, 500, (ps, row) -> {
                    TranscriptLine line = (TranscriptLine) row[1];
                    ps.setString(1, (String) row[0]);
                    ps.setInt(2, line.seq());
                    ps.setString(3, line.kind().name());
                    ps.setString(4, line.direction() == null ? null : line.direction().name());
                    ps.setObject(5, time(line.at()));
                    ps.setString(6, line.text());
                    ps.setString(7, line.terminator().name());
                    ps.setBoolean(8, line.secure());
                    ps.setLong(9, line.eventSeq());
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

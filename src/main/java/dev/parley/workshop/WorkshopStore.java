package dev.parley.workshop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workshops, attendees and their progress, in the shared database (H2 alone, PostgreSQL when
 * several instances run): everything an instance must know about a workshop it did not create.
 */
@Repository
class WorkshopStore {

    /** Why a join was refused; null when it was admitted. */
    enum Refusal {
        UNKNOWN, ENDED, FULL
    }

    /** A join's outcome: the attendee admitted, or why not. */
    record Joined(Attendee attendee, Refusal refusal) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    WorkshopStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    void create(Workshop w) {
        jdbc.sql("INSERT INTO workshop (code, title, capacity, protocols, targets, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(w.code(), w.title(), w.capacity(), String.join(",", w.protocols()), String.join("\n", w.targets()),
                        time(w.createdAt()), time(w.expiresAt()))
                .update();
    }

    Optional<Workshop> find(String code) {
        return jdbc.sql("SELECT * FROM workshop WHERE code = ?").param(code).query(WorkshopStore::workshop).optional();
    }

    List<Workshop> all() {
        return jdbc.sql("SELECT * FROM workshop ORDER BY created_at DESC").query(WorkshopStore::workshop).list();
    }

    /** The running workshops whose time is up. */
    List<Workshop> expired(Instant now) {
        return jdbc.sql("SELECT * FROM workshop WHERE ended_at IS NULL AND expires_at <= ?").param(time(now))
                .query(WorkshopStore::workshop).list();
    }

    /** Ends a workshop; true only for the call that ended it (so one instance, once, cleans up). */
    boolean end(String code, Instant now) {
        return jdbc.sql("UPDATE workshop SET ended_at = ? WHERE code = ? AND ended_at IS NULL").params(time(now), code)
                .update() == 1;
    }

    /**
     * Admits an attendee if the workshop runs and has room, atomically: the workshop's row is locked
     * while the seats are counted, so two instances admitting at once cannot both take the last seat.
     */
    Joined join(String code, Attendee attendee, String tokenHash, Instant now) {
        return tx.execute(status -> {
            Optional<Workshop> locked = jdbc.sql("SELECT * FROM workshop WHERE code = ? FOR UPDATE").param(code)
                    .query(WorkshopStore::workshop).optional();
            if (locked.isEmpty()) {
                return new Joined(null, Refusal.UNKNOWN);
            }
            Workshop workshop = locked.get();
            if (!workshop.running(now)) {
                return new Joined(null, Refusal.ENDED);
            }
            long seated = jdbc.sql("SELECT COUNT(*) FROM attendee WHERE workshop_code = ? AND removed_at IS NULL")
                    .param(code).query(Long.class).single();
            if (seated >= workshop.capacity()) {
                return new Joined(null, Refusal.FULL);
            }
            jdbc.sql("INSERT INTO attendee (id, workshop_code, name, token_hash, mailbox_user, mailbox_password,"
                    + " joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(attendee.id(), code, attendee.name(), tokenHash, attendee.mailboxUser(),
                            attendee.mailboxPassword(), time(now))
                    .update();
            return new Joined(attendee, null);
        });
    }

    /** The attendee whose identity cookie hashes to {@code tokenHash}, while they are in a running workshop. */
    Optional<Attendee> byToken(String tokenHash, Instant now) {
        return jdbc.sql("SELECT a.* FROM attendee a JOIN workshop w ON w.code = a.workshop_code WHERE a.token_hash = ?"
                + " AND a.removed_at IS NULL AND w.ended_at IS NULL AND w.expires_at > ?")
                .params(tokenHash, time(now)).query(WorkshopStore::attendee).optional();
    }

    Optional<Attendee> attendee(String id) {
        return jdbc.sql("SELECT * FROM attendee WHERE id = ? AND removed_at IS NULL").param(id)
                .query(WorkshopStore::attendee).optional();
    }

    List<Attendee> attendees(String code) {
        return jdbc.sql("SELECT * FROM attendee WHERE workshop_code = ? AND removed_at IS NULL ORDER BY joined_at, id")
                .param(code).query(WorkshopStore::attendee).list();
    }

    /** Every attendee ever in the workshop, removed ones too: whose transcripts the instructor may read. */
    List<String> attendeeIdsEver() {
        return jdbc.sql("SELECT id FROM attendee").query(String.class).list();
    }

    /** Removes an attendee (their seat frees up); true when they were there. */
    boolean remove(String code, String attendeeId, Instant now) {
        return jdbc.sql("UPDATE attendee SET removed_at = ? WHERE id = ? AND workshop_code = ? AND removed_at IS NULL")
                .params(time(now), attendeeId, code).update() == 1;
    }

    /** What the roster shows of an attendee, as of now. */
    void activity(String attendeeId, Instant onlineUntil, String protocol, String target, String lastLine,
            Instant lastAt, String lastError) {
        // What this instance does not know (null: the attendee has only just come back) keeps its
        // last value, so a roster row does not go blank when someone reopens the page.
        jdbc.sql("UPDATE attendee SET online_until = ?, protocol = COALESCE(?, protocol), target = COALESCE(?, target),"
                + " last_line = COALESCE(?, last_line), last_at = COALESCE(?, last_at),"
                + " last_error = COALESCE(?, last_error) WHERE id = ?")
                .params(time(onlineUntil), protocol, cut(target, 300), cut(lastLine, 300), time(lastAt),
                        cut(lastError, 500), attendeeId)
                .update();
    }

    /** Marks a walkthrough move done (once; later calls change nothing). */
    void stepDone(String attendeeId, String protocol, String step, Instant now) {
        jdbc.sql("INSERT INTO attendee_step (attendee_id, protocol, step, done_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM attendee_step WHERE attendee_id = ? AND protocol = ? AND step = ?)")
                .params(attendeeId, protocol, step, time(now), attendeeId, protocol, step).update();
    }

    /** Moves done by each attendee of a workshop: attendee id → protocol → steps. */
    Map<String, Map<String, List<String>>> steps(String code) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT s.attendee_id, s.protocol, s.step FROM attendee_step s JOIN attendee a ON a.id = s.attendee_id"
                + " WHERE a.workshop_code = ? ORDER BY s.done_at").param(code).query((rs, row) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>()).add(rs.getString(3));
                    return null;
                }).list();
        return out;
    }

    private static Workshop workshop(ResultSet rs, int row) throws SQLException {
        String targets = rs.getString("targets");
        return new Workshop(rs.getString("code"), rs.getString("title"), rs.getInt("capacity"),
                Arrays.stream(rs.getString("protocols").split(",")).filter(s -> !s.isBlank()).toList(),
                targets == null || targets.isBlank() ? List.of() : List.of(targets.split("\n")),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "ended_at"));
    }

    private static Attendee attendee(ResultSet rs, int row) throws SQLException {
        return new Attendee(rs.getString("id"), rs.getString("workshop_code"), rs.getString("name"),
                rs.getString("mailbox_user"), rs.getString("mailbox_password"), instant(rs, "joined_at"),
                instant(rs, "online_until"), rs.getString("protocol"), rs.getString("target"), rs.getString("last_line"),
                instant(rs, "last_at"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

package dev.parley.web;

import dev.parley.transcript.TlsMarker;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptLine;
import dev.parley.transcript.TranscriptMeta;
import java.time.Instant;
import java.util.List;

/**
 * One transcript as JSON ({@code GET /api/transcripts/{id}}): what the share page plays back.
 * Line texts are the stored, redacted texts.
 */
record TranscriptJson(String id, String protocol, String origin, String target, String remote, Tls tls,
        Instant started, Instant ended, Closed closed, List<Line> lines) {

    record Tls(String mode, String protocol, String cipher, boolean verified, String peer) {
    }

    record Closed(String by, String reason) {
    }

    /**
     * @param dir  {@code C} or {@code S}; absent for notes and TLS markers
     * @param kind {@code line}, {@code literal}, {@code body}, {@code note} or {@code tls}
     */
    record Line(int seq, String dir, Instant at, String text, String terminator, boolean secure, String kind) {
    }

    static TranscriptJson of(Transcript t) {
        TranscriptMeta m = t.meta();
        Tls tls = t.tls().map(TranscriptJson::tls).orElse(null);
        return new TranscriptJson(m.id(), m.protocol().id(), m.origin(),
                m.target() == null ? null : m.target().toString(), m.remote(), tls, m.started(), m.ended(),
                m.closed() == null ? null : new Closed(m.closed().by(), m.closed().reason()),
                t.lines().stream().map(TranscriptJson::line).toList());
    }

    private static Tls tls(TlsMarker marker) {
        return new Tls(marker.mode(), marker.protocol(), marker.cipher(), marker.verified(), marker.peer());
    }

    private static Line line(TranscriptLine l) {
        return new Line(l.seq(), l.direction() == null ? null : l.direction().name(), l.at(), l.text(),
                l.terminator().name(), l.secure(), l.kind().id());
    }
}

package dev.parley.transcript;

import java.util.List;
import java.util.Optional;

/** A whole conversation, immutable: what it was about and every line of it, in order. */
public record Transcript(TranscriptMeta meta, List<TranscriptLine> lines) {

    public Transcript {
        lines = List.copyOf(lines);
    }

    public String id() {
        return meta.id();
    }

    /** The last TLS handshake of the conversation, if any; its text is {@link TlsMarker#toString()}. */
    public Optional<TlsMarker> tls() {
        return lines.reversed().stream().filter(l -> l.kind() == LineKind.TLS).findFirst()
                .map(l -> TlsMarker.parse(l.text()));
    }

    public Transcript withMeta(TranscriptMeta newMeta) {
        return new Transcript(newMeta, lines);
    }
}

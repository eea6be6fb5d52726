package dev.parley.transcript;

import dev.parley.protocol.Direction;
import dev.parley.protocol.TrafficMasking;
import java.util.ArrayList;
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

    /**
     * This transcript with every secret masked as a live session masks it at capture: its
     * traffic played through a fresh dialect of its protocol ({@link TrafficMasking}). For text
     * that did not come through a live session (an import), before it is stored anywhere.
     */
    public Transcript masked() {
        if (meta.protocol() == null) {
            return this;
        }
        List<TranscriptLine> traffic = lines.stream().filter(l -> l.kind() == LineKind.LINE && l.direction() != null)
                .toList();
        List<String> masked = TrafficMasking.apply(meta.protocol(), traffic.stream()
                .map(l -> new TrafficMasking.Line(l.direction() == Direction.C, l.text())).toList());
        List<TranscriptLine> out = new ArrayList<>(lines.size());
        int next = 0;
        for (TranscriptLine line : lines) {
            if (line.kind() == LineKind.LINE && line.direction() != null) {
                String text = masked.get(next++);
                out.add(text.equals(line.text()) ? line : new TranscriptLine(line.seq(), line.direction(), line.at(),
                        text, line.terminator(), line.secure(), line.kind()));
            } else {
                out.add(line);
            }
        }
        return new Transcript(meta, out);
    }
}

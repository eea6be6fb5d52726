package dev.parley.transcript;

import java.time.Instant;

/** One row of the transcript list: enough to choose one, without its lines. */
public record TranscriptSummary(String id, String protocol, String origin, String target, Instant started,
        Instant ended, String closedBy, int lines) {
}

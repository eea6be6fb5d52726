package dev.parley.transcript;

import java.util.List;

/** One page of the transcript list, newest first. */
public record TranscriptPage(List<TranscriptSummary> items, int page, int size, long total) {
}

package dev.parley.session;

import dev.parley.protocol.Octets;
import java.util.Locale;

/**
 * How much of one conversation its transcript may hold ({@code parley.limits.max-transcript-lines}
 * and {@code -size}). A server may flood a session with lines for hours; the viewer goes on seeing
 * them, but the transcript stops at the limit with a notice saying so, so that no stored
 * transcript (nor any rendering of one) grows without bound. Used under the conversation's lock.
 */
final class RecordingBudget {

    private final long maxLines;
    private final long maxChars;
    private long lines;
    private long chars;
    private boolean stopped;

    RecordingBudget(long maxLines, long maxChars) {
        this.maxLines = maxLines;
        this.maxChars = maxChars;
    }

    /**
     * Counts an event the transcript would keep.
     *
     * @return the sentence to record and show when this event used up the budget (once), else null
     */
    String count(SessionEvent event) {
        if (stopped) {
            return null;
        }
        int size = SessionEvent.recordedChars(event);
        if (size < 0) {
            return null;
        }
        lines++;
        chars += size;
        if (lines < maxLines && chars < maxChars) {
            return null;
        }
        stopped = true;
        return String.format(Locale.ROOT, "This conversation's transcript reached its limit (%,d lines or %s), so "
                + "recording stopped here; what follows is shown but not kept.", maxLines, Octets.words(maxChars));
    }
}

package dev.parley.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of one answer the learner is shown ({@link FramingLimits#maxShownOctetsPerAnswer()}),
 * for every protocol alike: lines are shown until the answer's shown octets would pass the limit;
 * after that they are read and counted, not shown, and when the answer ends one notice says how
 * much was held back. A server that floods one answer (a million {@code 250-} lines) then costs
 * the viewer, the transcript and the page a bounded amount, whatever it sends.
 */
public final class ShownBudget {

    private final long max;
    private long shown;
    private long hiddenOctets;
    private long hiddenLines;

    public ShownBudget(FramingLimits limits) {
        this.max = limits.maxShownOctetsPerAnswer();
    }

    /** True when a line of {@code octets} is shown; false when it is past the limit (it is counted as hidden). */
    public boolean admit(long octets) {
        if (hiddenLines == 0 && shown + octets <= max) {
            shown += octets;
            return true;
        }
        hide(octets);
        return false;
    }

    /** Counts octets that are not shown as lines (part of a response already hidden). */
    public void hide(long octets) {
        hiddenOctets += octets;
        hiddenLines++;
    }

    public boolean hiding() {
        return hiddenLines > 0;
    }

    /**
     * The answer ended: the notice for what was held back, if anything; the budget starts afresh.
     *
     * @param one  what one held-back piece is, in the protocol's words ("line of this reply")
     * @param many the same, several of them ("lines of this reply")
     */
    public Optional<DialectEvent.Notice> end(String one, String many) {
        Optional<DialectEvent.Notice> notice = hiddenLines == 0 ? Optional.empty()
                : Optional.of(new DialectEvent.Notice(String.format(Locale.ROOT,
                        "%,d more %s (%s) %s not shown: one answer shows at most %s.", hiddenLines,
                        hiddenLines == 1 ? one : many, Octets.words(hiddenOctets), hiddenLines == 1 ? "was" : "were",
                        Octets.words(max))));
        shown = 0;
        hiddenOctets = 0;
        hiddenLines = 0;
        return notice;
    }
}

package dev.parley.security;

/**
 * The target policy refused a connection; the message is a sentence written for the learner that
 * names the rule, and {@link #rule()} says which rule it was (for tests and for callers that
 * answer bad input differently from a refusal).
 */
public class TargetDeniedException extends Exception {

    private final TargetRule rule;

    public TargetDeniedException(TargetRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public TargetRule rule() {
        return rule;
    }
}

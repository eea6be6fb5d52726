package dev.parley.security;

/** The target policy refused a connection; the message is written for the learner. */
public class TargetDeniedException extends Exception {

    public TargetDeniedException(String message) {
        super(message);
    }
}

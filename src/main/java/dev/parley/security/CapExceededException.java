package dev.parley.security;

/** A cap ({@link Caps}) refused something; the message names the cap and its setting. */
public class CapExceededException extends Exception {

    public CapExceededException(String message) {
        super(message);
    }
}

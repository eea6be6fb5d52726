package dev.parley.session;

/** The {@code code} of an {@code error} event (CONTRACTS.md §1), plus {@code TIMEOUT}. */
public enum ErrorCode {
    BAD_REQUEST,
    NOT_CONNECTED,
    TARGET_DENIED,
    CONNECT_FAILED,
    TLS_FAILED,
    LIMIT,
    /** A command has had no answer for the configured answer timeout; the session stays open. */
    TIMEOUT,
    INTERNAL
}

package dev.parley.replay;

/**
 * The replay could not start: the target refused or could not be reached. {@code code} is the
 * session's error code ({@code TARGET_DENIED}, {@code CONNECT_FAILED}, {@code TLS_FAILED}).
 */
public final class ReplayFailedException extends RuntimeException {

    private final String code;

    public ReplayFailedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

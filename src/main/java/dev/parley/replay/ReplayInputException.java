package dev.parley.replay;

/**
 * Something the caller gave cannot be replayed as it is: a malformed transcript, a missing target
 * part, a variable with no value. Found before any connection opens, so nothing was sent; the REST
 * door answers 400 naming the field, the command line exits 2 naming the file.
 */
public final class ReplayInputException extends RuntimeException {

    private final int input;
    private final String field;
    private final int line;
    private final String reason;

    /**
     * @param input  which transcript of a suite (from 0); -1 when the fault is in the request as a whole
     * @param field  what was wrong, as the REST body names it: {@code transcript}, {@code target.host},
     *               {@code variables.password}, {@code match}, ...
     * @param line   the transcript's line at fault, from 1; 0 when none
     * @param reason a sentence saying what is wrong and how to put it right
     */
    public ReplayInputException(int input, String field, int line, String reason) {
        super((line > 0 ? "line " + line + ": " : "") + reason);
        this.input = input;
        this.field = field;
        this.line = line;
        this.reason = reason;
    }

    public int input() {
        return input;
    }

    public String field() {
        return field;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}

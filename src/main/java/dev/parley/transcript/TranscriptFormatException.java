package dev.parley.transcript;

/**
 * A transcript text that does not follow the format, with the line it went wrong on (from 1; 0
 * when the problem is the text as a whole) and why, in a sentence for whoever wrote it.
 */
public final class TranscriptFormatException extends RuntimeException {

    private final int line;
    private final String reason;

    public TranscriptFormatException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}

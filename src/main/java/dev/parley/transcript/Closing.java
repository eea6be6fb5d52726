package dev.parley.transcript;

/**
 * How a conversation ended, as the session's {@code closed} event said.
 *
 * @param by     {@code server}, {@code client}, {@code limit} or {@code error}
 * @param reason a sentence for the learner
 */
public record Closing(String by, String reason) {

    @Override
    public String toString() {
        return reason == null || reason.isBlank() ? by : by + " " + reason;
    }

    static Closing parse(String text) {
        String s = text.strip();
        int space = s.indexOf(' ');
        return space < 0 ? new Closing(s, null) : new Closing(s.substring(0, space), s.substring(space + 1));
    }
}

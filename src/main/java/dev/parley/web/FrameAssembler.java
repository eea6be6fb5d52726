package dev.parley.web;

/**
 * Joins the parts of one WebSocket text message. Tomcat hands Parley a long message in parts of
 * the container's small text buffer (so that an idle WebSocket holds a few KB, not the largest
 * message allowed); the parts are joined here only while a long message is in flight, up to
 * {@code maxChars}. Past that the rest of the message is read and dropped, and the caller tells
 * the learner which limit it crossed. One per WebSocket; Tomcat calls it from one thread at a time.
 */
final class FrameAssembler {

    /** A whole message, or one that was too large ({@code text} null; {@code chars} how long it was). */
    record Frame(String text, long chars) {

        boolean tooLarge() {
            return text == null;
        }
    }

    private final int maxChars;
    private StringBuilder parts;
    private long chars;
    private boolean overflow;

    FrameAssembler(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Adds a part; returns the message once its last part came, else null. */
    Frame add(String part, boolean last) {
        if (last && parts == null && !overflow) {
            // The common case, a message in one part: nothing is copied.
            return new Frame(part.length() > maxChars ? null : part, part.length());
        }
        chars += part.length();
        if (!overflow && chars > maxChars) {
            overflow = true;
            parts = null;
        }
        if (!overflow) {
            if (parts == null) {
                parts = new StringBuilder(part.length() * 2);
            }
            parts.append(part);
        }
        if (!last) {
            return null;
        }
        Frame whole = new Frame(overflow ? null : parts.toString(), chars);
        parts = null;
        chars = 0;
        overflow = false;
        return whole;
    }
}

package dev.parley.protocol.raw;

import dev.parley.protocol.Annotation;
import java.util.Locale;

/**
 * The "commands" of a protocol Parley does not know: every line is sent as typed, and its first
 * word is shown as the verb so a transcript still reads like one.
 */
public final class RawCommands {

    static final String MEANING = "Sent as typed; Parley does not know this protocol.";

    private RawCommands() {
    }

    /** The annotation of a typed line: its first word upper-cased as the verb (none for an empty line). */
    public static Annotation annotate(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return Annotation.command(null, "An empty line, sent as typed; Parley does not know this protocol.",
                    null);
        }
        int space = trimmed.indexOf(' ');
        String verb = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
        return Annotation.command(verb, MEANING, null);
    }
}

package dev.parley.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A protocol's command verbs and what they do, as an open set (like Netty's {@code SmtpCommand}):
 * a known verb gets its meaning and RFC section; an unknown one gets a generic meaning and is still
 * sent as typed, so a learner can try anything and read the server's refusal.
 */
public final class Verbs {

    /** A verb with its meaning and the RFC section that defines it (null for unknown verbs). */
    public record Command(String verb, String meaning, String reference) {
    }

    private final Map<String, Command> known;
    private final String emptyLineMeaning;

    private Verbs(Map<String, Command> known, String emptyLineMeaning) {
        this.known = known;
        this.emptyLineMeaning = emptyLineMeaning;
    }

    /** @param emptyLineMeaning what an empty line means in this protocol (no verb at all) */
    public static Verbs of(String emptyLineMeaning, Command... commands) {
        return new Verbs(Arrays.stream(commands).collect(Collectors.toUnmodifiableMap(Command::verb, Function.identity())),
                emptyLineMeaning);
    }

    public static Command verb(String verb, String meaning, String reference) {
        return new Command(verb, meaning, reference);
    }

    /** The verb of a typed line: its first word, upper-cased (these protocols' verbs are case-insensitive). */
    public static String verbOf(String line) {
        String trimmed = line.stripLeading();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** The command for a verb; never null. */
    public Command lookup(String verb) {
        Command command = known.get(verb.toUpperCase(Locale.ROOT));
        if (command != null) {
            return command;
        }
        if (verb.isEmpty()) {
            return new Command(verb, emptyLineMeaning, null);
        }
        return new Command(verb.toUpperCase(Locale.ROOT), "Not a command this protocol defines; sent as typed.", null);
    }
}

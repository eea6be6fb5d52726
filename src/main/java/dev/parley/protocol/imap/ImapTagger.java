package dev.parley.protocol.imap;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts tags on the commands the learner types (RFC 9051 §2.2.1: every command starts with a tag
 * the server echoes on the completion). The rule, for a line not sent raw:
 * <ol>
 * <li>The learner's own tag is kept when the first word is tag-shaped (RFC 9051 §9 {@code tag}:
 *     no space, control character or any of {@code (){%*"\+}), is not itself a command verb, and
 *     either the second word is a command verb IMAP defines ({@code x LOGIN ...}) or the first word
 *     has the usual tag form: letters then digits ({@code A0001}, {@code a1}, {@code FNHG3}), so the
 *     lesson's {@code A0001 USER ...} keeps its tag and its unknown verb.</li>
 * <li>Otherwise the next automatic tag is prefixed: {@code A0001}, {@code A0002}, ... An automatic
 *     tag never repeats a tag already used on this connection: after the learner typed
 *     {@code A0001} themselves, the next automatic tag is {@code A0002}.</li>
 * </ol>
 * A tag the learner types that was already used on the connection is kept (it is theirs to send)
 * but marked {@code reused}, so the command's meaning says so instead of letting two commands
 * share a tag silently.
 * {@code DONE} (ends IDLE) and literal continuation lines never reach the tagger; a line sent raw
 * is not tagged either (its first word is still taken as its tag, for completion).
 */
final class ImapTagger {

    /**
     * A command line with its tag.
     *
     * @param text  the line as it will be written (without CRLF)
     * @param tag   the tag the completion will carry; null when the line has none
     * @param verb  the second word upper-cased (the command verb); null when absent
     * @param added  true when Parley prefixed the tag
     * @param reused true when the learner typed a tag already used on this connection (by them
     *               or by Parley): RFC 9051 §2.2.1 asks for a unique tag per command
     */
    record Tagged(String text, String tag, String verb, boolean added, boolean reused) {

        Tagged(String text, String tag, String verb, boolean added) {
            this(text, tag, verb, added, false);
        }
    }

    private static final Pattern USUAL_TAG = Pattern.compile("[A-Za-z]+[0-9]+");

    private final Set<String> used = new HashSet<>();
    private int counter = 1;

    /** Applies the rule above to a typed line. */
    Tagged tag(String line) {
        String first = ImapResponse.firstWord(line);
        String second = ImapResponse.firstWord(ImapResponse.afterFirstWord(line));
        boolean keep = isTag(first) && !ImapCommands.isKnown(first) && !"DONE".equalsIgnoreCase(first)
                && (ImapCommands.isKnown(second) || USUAL_TAG.matcher(first).matches());
        if (keep) {
            boolean reused = !used.add(first);
            return new Tagged(line, first, upperOrNull(second), false, reused);
        }
        String tag = nextTag();
        return new Tagged(tag + " " + line, tag, upperOrNull(first), true);
    }

    /** A raw line: sent as typed; its first word counts as its tag when a verb follows it. */
    Tagged asTyped(String line) {
        String first = ImapResponse.firstWord(line);
        String second = ImapResponse.firstWord(ImapResponse.afterFirstWord(line));
        if (isTag(first) && !second.isEmpty()) {
            boolean reused = !used.add(first);
            return new Tagged(line, first, upperOrNull(second), false, reused);
        }
        return new Tagged(line, null, null, false);
    }

    private String nextTag() {
        String tag;
        do {
            tag = String.format(Locale.ROOT, "A%04d", counter++);
        } while (used.contains(tag));
        used.add(tag);
        return tag;
    }

    /** RFC 9051 §9: {@code tag = 1*<any ASTRING-CHAR except "+">}. */
    static boolean isTag(String word) {
        if (word == null || word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c <= 0x20 || c >= 0x7F || "(){%*\"\\+".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String upperOrNull(String word) {
        return word.isEmpty() ? null : word.toUpperCase(Locale.ROOT);
    }
}

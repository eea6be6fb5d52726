package dev.parley.protocol.imap;

import java.util.Locale;
import java.util.Set;

/**
 * The first line of one server response, taken apart (RFC 9051 §7, formal syntax §9
 * {@code response}): untagged ({@code * ...}), continuation ({@code + ...}) or tagged
 * ({@code A0001 OK ...}). A line that is none of these is {@link Kind#MALFORMED}, with the
 * problem said in words; nothing here throws.
 *
 * @param kind     what sort of response this is
 * @param tag      the tag of a tagged response; null otherwise
 * @param word     the status ({@code OK}, {@code NO}, {@code BAD}, {@code PREAUTH}, {@code BYE}) or the
 *                 data keyword ({@code EXISTS}, {@code FETCH}, ...), upper-cased; null for {@code +}
 * @param number   the message number or count before the keyword ({@code * 3 EXISTS}); null when absent
 * @param code     the response code atom in brackets ({@code UIDVALIDITY}), upper-cased; null when absent
 * @param codeArgs what follows the code atom inside the brackets; null when absent
 * @param text     the human-readable text (after the code), or the data after the keyword
 * @param problem  for {@link Kind#MALFORMED} (or a status line with a broken code): what is wrong
 */
record ImapResponse(Kind kind, String tag, String word, Long number, String code, String codeArgs, String text,
        String problem) {

    enum Kind {
        UNTAGGED_STATUS,
        UNTAGGED_DATA,
        CONTINUATION,
        TAGGED,
        MALFORMED
    }

    static final Set<String> TAGGED_STATUSES = Set.of("OK", "NO", "BAD");
    static final Set<String> UNTAGGED_STATUSES = Set.of("OK", "NO", "BAD", "PREAUTH", "BYE");

    static ImapResponse parse(String line) {
        if (line.isEmpty()) {
            return malformed("An empty line: every IMAP response starts with *, + or a tag (RFC 9051 §2.2.2).");
        }
        if (line.charAt(0) == '+') {
            String text = line.length() > 1 && line.charAt(1) == ' ' ? line.substring(2) : line.substring(1);
            return new ImapResponse(Kind.CONTINUATION, null, null, null, null, null, text, null);
        }
        if (line.charAt(0) == '*') {
            return untagged(line);
        }
        int space = line.indexOf(' ');
        String tag = space < 0 ? line : line.substring(0, space);
        if (!ImapTagger.isTag(tag)) {
            return malformed("The line starts with neither *, + nor a valid tag (\"" + tag
                    + "\" has characters a tag may not have, RFC 9051 §9 \"tag\").");
        }
        if (space < 0) {
            return malformed("A tag (" + tag + ") with nothing after it: a tagged response must say OK, NO or BAD"
                    + " (RFC 9051 §7.1).");
        }
        String rest = line.substring(space + 1);
        String word = firstWord(rest).toUpperCase(Locale.ROOT);
        if (!TAGGED_STATUSES.contains(word)) {
            return new ImapResponse(Kind.MALFORMED, tag, word, null, null, null, rest,
                    "A tagged response must say OK, NO or BAD after the tag (RFC 9051 §7.1); \"" + firstWord(rest)
                            + "\" is none of them" + (UNTAGGED_STATUSES.contains(word)
                                    ? " (" + word + " is only ever sent untagged, with *)." : "."));
        }
        return status(Kind.TAGGED, tag, word, afterFirstWord(rest));
    }

    private static ImapResponse untagged(String line) {
        if (line.length() < 3 || line.charAt(1) != ' ') {
            return malformed("An untagged response must be \"* \" followed by data or a status (RFC 9051 §7);"
                    + " this one has nothing after the *.");
        }
        String rest = line.substring(2);
        String first = firstWord(rest);
        if (!first.isEmpty() && first.chars().allMatch(c -> c >= '0' && c <= '9') && first.length() <= 10) {
            String after = afterFirstWord(rest);
            String keyword = firstWord(after).toUpperCase(Locale.ROOT);
            if (keyword.isEmpty()) {
                return malformed("An untagged number (" + first + ") with no keyword after it, such as EXISTS"
                        + " or FETCH (RFC 9051 §7.4, §7.5).");
            }
            return new ImapResponse(Kind.UNTAGGED_DATA, null, keyword, Long.parseLong(first), null, null,
                    afterFirstWord(after), null);
        }
        String word = first.toUpperCase(Locale.ROOT);
        if (UNTAGGED_STATUSES.contains(word)) {
            return status(Kind.UNTAGGED_STATUS, null, word, afterFirstWord(rest));
        }
        if (word.isEmpty()) {
            return malformed("An untagged response with an empty keyword (two spaces after *?).");
        }
        return new ImapResponse(Kind.UNTAGGED_DATA, null, word, null, null, null, afterFirstWord(rest), null);
    }

    /** A status response: an optional {@code [CODE args]} and then text (RFC 9051 §7.1, resp-text). */
    private static ImapResponse status(Kind kind, String tag, String word, String rest) {
        if (!rest.startsWith("[")) {
            return new ImapResponse(kind, tag, word, null, null, null, rest, null);
        }
        int close = rest.indexOf(']');
        if (close < 0) {
            return new ImapResponse(kind, tag, word, null, null, null, rest,
                    "The response code opened with [ is never closed with ] (RFC 9051 §7.1, resp-text-code).");
        }
        String inside = rest.substring(1, close);
        String code = firstWord(inside).toUpperCase(Locale.ROOT);
        String args = afterFirstWord(inside);
        String text = rest.substring(close + 1).stripLeading();
        return new ImapResponse(kind, tag, word, null, code, args.isEmpty() ? null : args, text, null);
    }

    private static ImapResponse malformed(String problem) {
        return new ImapResponse(Kind.MALFORMED, null, null, null, null, null, null, problem);
    }

    static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    static String afterFirstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? "" : s.substring(space + 1);
    }
}

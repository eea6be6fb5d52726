package dev.parley.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lesson's placeholders (CONTRACTS.md §2, §8): in an expected line a part in angle brackets
 * {@code <…>} matches any text, and a line that is one placeholder alone
 * ({@code <server sends the text of message 1>}) matches one or more whole lines. A placeholder
 * whose text ends in {@code :name} ({@code <uid:n>}, {@code <message count:count>}) is a
 * <em>capture</em>: what it matched is bound to {@code name} for a later {@code ${name}}; a whole
 * line that is a capture matches exactly one line, the one it binds.
 *
 * <p>Matching never uses a regular expression built from the transcript: each literal part is
 * found leftmost in turn and the last is anchored at the end, which is exact for patterns whose
 * only wildcards are placeholders and takes time linear in the line for each part, whatever a
 * hostile server sends. A capture therefore takes the shortest text that lets the rest match
 * (the last one takes the rest of the line).
 */
final class LinePatterns {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]*>");
    private static final Pattern CAPTURE = Pattern.compile(":(" + VariableRefs.NAME_PATTERN + ")>$");

    private LinePatterns() {
    }

    /** One part of an expected line: literal text, or a placeholder (capturing when {@code capture} is set). */
    private record Part(String literal, String capture) {

        boolean placeholder() {
            return literal == null;
        }
    }

    /** True when the whole line is one placeholder: it stands for one or more lines (exactly one when it captures). */
    static boolean isWholeLine(String line) {
        String s = line.strip();
        return s.length() >= 2 && PLACEHOLDER.matcher(s).matches();
    }

    /** The capture names in an expected line, in order; empty when it has none. */
    static List<String> captures(String expected) {
        List<String> names = new ArrayList<>();
        for (Part part : parts(expected)) {
            if (part.capture() != null) {
                names.add(part.capture());
            }
        }
        return names;
    }

    /** True when {@code actual} matches the expected line, its placeholders matching any text. */
    static boolean matches(String expected, String actual) {
        return bind(expected, actual) != null;
    }

    /**
     * What the expected line's captures bind when {@code actual} matches it (an empty map when it
     * matches and captures nothing); null when it does not match.
     */
    static Map<String, String> bind(String expected, String actual) {
        if (expected.indexOf('<') < 0) {
            return expected.equals(actual) ? Map.of() : null;
        }
        if (isWholeLine(expected)) {
            String name = capture(expected.strip());
            return name == null ? Map.of() : Map.of(name, actual);
        }
        List<Part> parts = parts(expected);
        Map<String, String> bound = new LinkedHashMap<>();
        int at = 0;
        Part open = null;
        int openedAt = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.placeholder()) {
                if (open != null) {
                    put(bound, open, actual, openedAt, at);
                }
                open = part;
                openedAt = at;
                continue;
            }
            String literal = part.literal();
            int found;
            if (open == null) {
                found = actual.startsWith(literal, at) ? at : -1;
            } else if (i == parts.size() - 1) {
                found = actual.length() - literal.length();
                found = found >= at && actual.startsWith(literal, found) ? found : -1;
            } else {
                found = actual.indexOf(literal, at);
            }
            if (found < 0) {
                return null;
            }
            if (open != null) {
                put(bound, open, actual, openedAt, found);
                open = null;
            }
            at = found + literal.length();
        }
        if (open != null) {
            put(bound, open, actual, openedAt, actual.length());
            at = actual.length();
        }
        return at == actual.length() ? bound : null;
    }

    private static void put(Map<String, String> bound, Part placeholder, String actual, int from, int to) {
        if (placeholder.capture() != null) {
            bound.put(placeholder.capture(), actual.substring(from, to));
        }
    }

    /**
     * True when the actual lines match the expected ones in order, each whole-line placeholder
     * taking one or more lines. Dynamic programming over (expected, actual) positions: no
     * exponential backtracking whatever the server sent.
     */
    static boolean matchAll(List<String> expected, List<String> actual) {
        int e = expected.size();
        int a = actual.size();
        boolean[] next = new boolean[a + 1];
        boolean[] row = new boolean[a + 1];
        next[a] = true;
        for (int i = e - 1; i >= 0; i--) {
            String line = expected.get(i);
            boolean many = isWholeLine(line) && capture(line.strip()) == null;
            row[a] = false;
            for (int j = a - 1; j >= 0; j--) {
                // a placeholder for many lines takes this one, then goes on or lets the next expected line start
                row[j] = many ? next[j + 1] || row[j + 1] : next[j + 1] && matches(line, actual.get(j));
            }
            boolean[] swap = next;
            next = row;
            row = swap;
        }
        return next[0];
    }

    /**
     * True when the expected lines appear in the actual ones in order, other lines allowed between
     * and around them; a whole-line placeholder stands for at least one line. Taking the earliest
     * line that fits each expected line in turn is exact for one-line patterns.
     */
    static boolean appearInOrder(List<String> expected, List<String> actual) {
        int at = 0;
        for (String line : expected) {
            boolean any = isWholeLine(line) && capture(line.strip()) == null;
            while (at < actual.size() && !any && !matches(line, actual.get(at))) {
                at++;
            }
            if (at >= actual.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    private static List<Part> parts(String expected) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(expected);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(expected.substring(at, m.start()), null));
            }
            parts.add(new Part(null, capture(m.group())));
            at = m.end();
        }
        if (at < expected.length()) {
            parts.add(new Part(expected.substring(at), null));
        }
        return parts;
    }

    /** The name a placeholder {@code <description:name>} captures into, or null. */
    private static String capture(String placeholder) {
        Matcher m = CAPTURE.matcher(placeholder);
        return m.find() ? m.group(1) : null;
    }
}

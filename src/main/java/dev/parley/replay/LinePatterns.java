package dev.parley.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lesson's placeholders (CONTRACTS.md §2): in an expected line a part in angle brackets
 * {@code <…>} matches any text, and a line that is one placeholder alone
 * ({@code <server sends the text of message 1>}) matches one or more whole lines.
 */
final class LinePatterns {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]*>");

    private LinePatterns() {
    }

    /** True when the whole line is one placeholder: it stands for one or more lines. */
    static boolean isWholeLine(String line) {
        String s = line.strip();
        return s.length() >= 2 && PLACEHOLDER.matcher(s).matches();
    }

    /** True when {@code actual} matches the expected line, its placeholders matching any text. */
    static boolean matches(String expected, String actual) {
        if (!expected.contains("<")) {
            return expected.equals(actual);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(expected);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(at, m.start()))).append(".*");
            at = m.end();
        }
        regex.append(Pattern.quote(expected.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches()
                || expected.equals(actual);
    }

    /**
     * True when the actual lines match the expected ones in order, each whole-line placeholder
     * taking one or more lines. Dynamic programming over (expected, actual) positions: no
     * exponential backtracking whatever the server sent.
     */
    static boolean matchAll(List<String> expected, List<String> actual) {
        int e = expected.size();
        int a = actual.size();
        boolean[][] ok = new boolean[e + 1][a + 1];
        ok[e][a] = true;
        for (int i = e - 1; i >= 0; i--) {
            boolean whole = isWholeLine(expected.get(i));
            for (int j = a - 1; j >= 0; j--) {
                if (whole) {
                    // this line, then either the placeholder goes on or the next expected line starts
                    ok[i][j] = ok[i + 1][j + 1] || ok[i][j + 1];
                } else {
                    ok[i][j] = ok[i + 1][j + 1] && matches(expected.get(i), actual.get(j));
                }
            }
        }
        return ok[0][0];
    }

    /** The non-placeholder lines, for the outcome comparison. */
    static List<String> concrete(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!isWholeLine(line)) {
                out.add(line);
            }
        }
        return out;
    }
}

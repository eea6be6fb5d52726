package dev.parley.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code ${name}} in a transcript's lines (CONTRACTS.md §8): a variable given by the caller or a
 * value captured earlier. A name is letters, digits and {@code _}, not starting with a digit, so it
 * is also a valid part of an environment variable ({@code PARLEY_SECRET_<NAME>}). {@code $${}
 * writes a literal {@code ${}; anything else after {@code ${} that is not a name and a closing
 * brace is left as written.
 */
final class VariableRefs {

    static final String NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private VariableRefs() {
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The names a line refers to, in order (repeats included). */
    static List<String> names(String line) {
        List<String> names = new ArrayList<>();
        substitute(line, name -> {
            names.add(name);
            return null;
        });
        return names;
    }

    /**
     * The line with each {@code ${name}} replaced by {@code value.apply(name)}; a reference whose
     * value is null stays as written. {@code $${} becomes {@code ${}.
     */
    static String substitute(String line, Function<String, String> value) {
        int dollar = line.indexOf('$');
        if (dollar < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        int at = 0;
        while (dollar >= 0) {
            out.append(line, at, dollar);
            if (line.startsWith("$${", dollar)) {
                out.append("${");
                at = dollar + 3;
            } else if (line.startsWith("${", dollar)) {
                int close = line.indexOf('}', dollar + 2);
                String name = close < 0 ? null : line.substring(dollar + 2, close);
                String replaced = validName(name) ? value.apply(name) : null;
                if (replaced != null) {
                    out.append(replaced);
                    at = close + 1;
                } else if (validName(name)) {
                    out.append(line, dollar, close + 1);
                    at = close + 1;
                } else {
                    out.append("${");
                    at = dollar + 2;
                }
            } else {
                out.append('$');
                at = dollar + 1;
            }
            dollar = line.indexOf('$', at);
        }
        return out.append(line, at, line.length()).toString();
    }
}

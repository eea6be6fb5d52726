package dev.parley.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bench tools' command lines: {@code --name value} pairs, read from {@code args[from]} on. */
final class BenchOptions {

    private BenchOptions() {
    }

    static Map<String, String> parse(String[] args, int from) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = from; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}

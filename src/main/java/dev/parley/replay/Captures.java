package dev.parley.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a step's captures from its answer: each expected line that captures is matched against
 * the answer's lines in turn, from the line after the previous capture's, whatever the step's
 * verdict (in {@code codes} the rest of the answer may be worded differently). A capture is read
 * from the line's clear text when the line had a secret masked, and is then a secret itself (a
 * cookie from {@code Set-Cookie}, say): it goes back to the server, never into a report.
 */
final class Captures {

    /** @param secret the captured values that came from a masked part of a line */
    record Bound(Map<String, String> values, List<String> secret) {
    }

    private Captures() {
    }

    static Bound read(List<String> expected, ReplayConversation.Answer answer) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> secret = new ArrayList<>();
        int from = 0;
        for (String line : expected) {
            if (LinePatterns.captures(line).isEmpty()) {
                continue;
            }
            for (int j = from; j < answer.lines().size(); j++) {
                Map<String, String> shown = LinePatterns.bind(line, answer.lines().get(j));
                if (shown == null) {
                    continue;
                }
                String clearLine = answer.clear().get(j);
                Map<String, String> clear = clearLine.equals(answer.lines().get(j)) ? null
                        : LinePatterns.bind(line, clearLine);
                if (clear != null) {
                    values.putAll(clear);
                    clear.forEach((name, value) -> {
                        if (!value.equals(shown.get(name))) {
                            secret.add(value);
                        }
                    });
                } else {
                    values.putAll(shown);
                }
                from = j + 1;
                break;
            }
        }
        return new Bound(values, secret);
    }
}

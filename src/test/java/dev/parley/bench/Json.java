package dev.parley.bench;

/**
 * Just enough JSON for the load client's hot path: a string field of a flat event object, without
 * building a tree for every event of thousands of sessions.
 */
final class Json {

    private Json() {
    }

    /** The string value of {@code "name":"…"} in {@code json}, unescaped; null when absent or not a string. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        StringBuilder value = null;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return value == null ? json.substring(from, i) : value.toString();
            }
            if (c == '\\') {
                if (value == null) {
                    value = new StringBuilder(json.substring(from, i));
                }
                char e = json.charAt(++i);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> value.append(e);
                }
            } else if (value != null) {
                value.append(c);
            }
        }
        return null;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

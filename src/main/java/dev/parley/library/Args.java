package dev.parley.library;

import java.util.Map;

/** A call's arguments: what the request gave, else the catalog's default; checked against the catalog. */
record Args(LibraryCalls.Call call, Map<String, String> given) {

    /** Checks names and choices; the messages say what to send instead. */
    static Args of(LibraryCalls.Call call, Map<String, String> given) throws LibraryCallException {
        Map<String, String> args = given == null ? Map.of() : Map.copyOf(given);
        for (Map.Entry<String, String> entry : args.entrySet()) {
            LibraryCalls.Arg arg = call.arg(entry.getKey()).orElseThrow(() -> bad(call.name()
                    + " takes no argument “" + entry.getKey() + "”. It takes: " + names(call) + "."));
            if (!arg.choices().isEmpty() && entry.getValue() != null && !arg.choices().contains(entry.getValue())) {
                throw bad("“" + entry.getKey() + "” must be one of " + String.join(", ", arg.choices()) + ".");
            }
        }
        return new Args(call, args);
    }

    String get(String name) {
        String value = given.get(name);
        if (value != null) {
            return value;
        }
        return call.arg(name).map(LibraryCalls.Arg::defaultValue)
                .orElseThrow(() -> new IllegalArgumentException(call.name() + " has no argument " + name));
    }

    /** A message number: a whole number from 1. */
    int messageNumber() throws LibraryCallException {
        String value = get("message").trim();
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the sentence below.
        }
        throw bad("The message number must be a whole number from 1, not “" + value + "”.");
    }

    private static String names(LibraryCalls.Call call) {
        return call.args().isEmpty() ? "nothing"
                : String.join(", ", call.args().stream().map(LibraryCalls.Arg::name).toList());
    }

    private static LibraryCallException bad(String message) {
        return new LibraryCallException(LibraryCallException.Kind.BAD_REQUEST, message);
    }
}

package dev.parley.web;

import tools.jackson.databind.json.JsonMapper;

/** The package-private frame reader, for {@code dev.parley.bench.EventJsonBenchmark}. */
public final class BenchAccess {

    private BenchAccess() {
    }

    public static Object read(JsonMapper mapper, String frame) {
        return ClientMessages.read(mapper, frame);
    }

    public static Object readWithDatabind(JsonMapper mapper, String frame) {
        return mapper.readValue(frame, ClientMessage.class);
    }
}

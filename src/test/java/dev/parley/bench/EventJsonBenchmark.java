package dev.parley.bench;

import dev.parley.protocol.Annotation;
import dev.parley.session.EventJson;
import dev.parley.session.SessionEvent;
import dev.parley.web.BenchAccess;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one typed line costs in JSON (issue #13): its three events ({@code line} C, {@code line} S,
 * {@code complete}) written by databind as before and by {@link EventJson} now, and the browser's
 * {@code send} frame read by databind and by the plain reader the handler uses now
 * ({@code dev.parley.web.ClientMessages}, reached through {@code dev.parley.web.BenchAccess}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventJsonBenchmark {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final EventJson json = new EventJson(mapper);
    private final Instant at = Instant.parse("2026-11-29T09:00:00.123456Z");
    private final SessionEvent client = new SessionEvent.Line("C", "NOOP 41", 41, at, "CRLF", false,
            Annotation.command("NOOP", "Does nothing but ask the server to answer OK: a way to check the connection.",
                    "RFC 5321 §4.1.1.9"), null);
    private final SessionEvent server = new SessionEvent.Line("S", "250 NOOP 41", 42, at, "CRLF", false,
            Annotation.reply("250", "Requested mail action okay, completed.", true, "RFC 5321 §4.2.2"), null);
    private final SessionEvent complete = new SessionEvent.Complete(41, "ok", 312);
    private final String send = "{\"op\":\"send\",\"line\":\"NOOP 41\"}";

    @Benchmark
    public int writeLineEventsWithDatabind() {
        return json.writer().writeValueAsString(client).length() + json.writer().writeValueAsString(server).length()
                + json.writer().writeValueAsString(complete).length();
    }

    @Benchmark
    public int writeLineEvents() {
        return json.write(client).length() + json.write(server).length() + json.write(complete).length();
    }

    @Benchmark
    public Object readSendWithDatabind() {
        return BenchAccess.readWithDatabind(mapper, send);
    }

    @Benchmark
    public Object readSend() {
        return BenchAccess.read(mapper, send);
    }
}

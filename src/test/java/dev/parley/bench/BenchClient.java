package dev.parley.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load client, one mode per run (each run is its own process, with its own 20,000 open files):
 *
 * <pre>
 * BenchClient latency --line-port P [--websockify-port W] [--parley-port Q] [--rounds 2000] [--warmup 500]
 * BenchClient hold    --line-port P --parley-port Q --parley-pid PID [--sessions 2000]
 * BenchClient load    --line-port P [--websockify-port W] [--parley-port Q] --target parley|tcp|websockify
 *                     [--sessions 1000] [--rate 10] [--seconds 60] [--warmup 3]
 *             all:    [--out results.json]
 * </pre>
 *
 * Only loopback addresses are ever contacted.
 */
public final class BenchClient {

    private BenchClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchClient latency|hold|load [--option value]...");
            System.exit(2);
        }
        String mode = args[0];
        Map<String, String> options = BenchOptions.parse(args, 1);
        Map<String, Object> result = run(mode, options);
        String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        String out = options.get("out");
        if (out != null) {
            Files.writeString(Path.of(out), json);
        }
        System.out.println(json);
        System.exit(0);
    }

    static Map<String, Object> run(String mode, Map<String, String> options) throws Exception {
        Target.Endpoints endpoints = new Target.Endpoints(integer(options, "line-port", 0),
                integer(options, "websockify-port", 0), integer(options, "parley-port", 0),
                Long.parseLong(options.getOrDefault("parley-pid", "0")));
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            long started = System.currentTimeMillis();
            Map<String, Object> result = switch (mode) {
                case "latency" -> LatencyRun.run(endpoints, client, integer(options, "warmup", 500),
                        integer(options, "rounds", 2000));
                case "hold" -> HoldRun.run(endpoints, client, integer(options, "sessions", 2000));
                case "load" -> LoadRun.run(endpoints, client,
                        Target.valueOf(options.getOrDefault("target", "parley").toUpperCase(java.util.Locale.ROOT)),
                        integer(options, "sessions", 1000), Double.parseDouble(options.getOrDefault("rate", "10")),
                        integer(options, "seconds", 60), integer(options, "warmup", 3));
                default -> throw new IllegalArgumentException("unknown mode " + mode + ": latency, hold or load");
            };
            Map<String, Object> out = new LinkedHashMap<>(result);
            out.put("wall_seconds", (System.currentTimeMillis() - started) / 1000.0);
            return out;
        }
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}

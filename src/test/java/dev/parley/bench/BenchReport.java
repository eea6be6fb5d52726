package dev.parley.bench;

import static dev.parley.bench.BenchFormat.fmt;
import static dev.parley.bench.BenchFormat.kb;
import static dev.parley.bench.BenchFormat.ratio;
import static dev.parley.bench.BenchFormat.us;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one run of {@code scripts/bench.sh} into {@code results.json}, {@code chart.svg} and the
 * figures section of {@code docs/performance.md} (between its {@code bench:results} markers), so the
 * page always shows the figures of one run, with the command and the machine that made them.
 *
 * <pre>BenchReport --run target/bench/run --out target/bench [--docs docs/performance.md]</pre>
 */
public final class BenchReport {

    static final String BEGIN = "<!-- bench:results:begin (scripts/bench.sh writes this part) -->";
    static final String END = "<!-- bench:results:end -->";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] TARGETS = {"tcp", "websockify", "parley"};
    private static final Map<String, String> LABELS = Map.of("tcp", "direct TCP", "websockify", "websockify",
            "parley", "Parley `/ws/session`");

    private final Map<String, Object> results = new LinkedHashMap<>();

    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, 0);
        Path run = Path.of(options.getOrDefault("run", "target/bench/run"));
        Path out = Path.of(options.getOrDefault("out", "target/bench"));
        BenchReport report = read(run);
        Files.writeString(out.resolve("results.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.results));
        Files.writeString(out.resolve("chart.svg"), report.svg());
        if (options.containsKey("docs")) {
            Path docs = Path.of(options.get("docs"));
            Files.createDirectories(docs.getParent().resolve("img"));
            Files.writeString(docs.getParent().resolve("img/bench-chart.svg"), report.svg());
            Files.writeString(docs, splice(Files.readString(docs), report.markdown()));
        }
        System.out.println(report.markdown());
    }

    static BenchReport read(Path run) throws IOException {
        BenchReport report = new BenchReport();
        Properties environment = new Properties();
        Path env = run.resolve("environment.properties");
        if (Files.exists(env)) {
            environment.load(new StringReader(Files.readString(env)));
        }
        Map<String, Object> envMap = new LinkedHashMap<>();
        environment.stringPropertyNames().stream().sorted().forEach(k -> envMap.put(k, environment.getProperty(k)));
        report.results.put("environment", envMap);
        report.results.put("latency", object(run.resolve("latency.json")));
        report.results.put("hold", object(run.resolve("hold.json")));
        Map<String, Object> load = new LinkedHashMap<>();
        for (String target : TARGETS) {
            Map<String, Object> one = object(run.resolve("load-" + target + ".json"));
            if (one != null) {
                load.put(target, one);
            }
        }
        report.results.put("load", load);
        report.results.put("jmh", jmh(run.resolve("jmh.json")));
        report.results.put("goals", report.goals());
        return report;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Path file) throws IOException {
        return Files.exists(file) ? JSON.readValue(Files.readString(file), Map.class) : null;
    }

    /** JMH's own JSON, reduced to one row per benchmark and parameter set, with MB/s for the decoders. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jmh(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (Map<String, Object> b : (List<Map<String, Object>>) JSON.readValue(Files.readString(file), List.class)) {
            Map<String, Object> metric = (Map<String, Object>) b.get("primaryMetric");
            Map<String, Object> row = new LinkedHashMap<>();
            String name = ((String) b.get("benchmark")).replaceFirst("^.*\\.bench\\.", "");
            row.put("benchmark", name);
            row.put("params", b.getOrDefault("params", Map.of()));
            double score = number(metric.get("score"));
            row.put("score", score);
            row.put("error", number(metric.get("scoreError")));
            row.put("unit", metric.get("scoreUnit"));
            if (name.startsWith("DialectDecodeBenchmark")) {
                // One operation decodes one whole answer: its octets and lines give MB/s and lines/s.
                String answer = (String) ((Map<String, Object>) row.get("params")).get("answer");
                byte[] bytes = DialectDecodeBenchmark.scenario(answer).answer();
                long lines = 0;
                for (byte octet : bytes) {
                    lines += octet == '\n' ? 1 : 0;
                }
                row.put("mb_per_s", Math.round(score * bytes.length / 1e6));
                row.put("lines_per_s", Math.round(score * lines));
                row.put("multi_line_answer", !answer.equals("smtp-replies"));
            }
            rows.add(row);
        }
        return rows;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String name) {
        return (Map<String, Object>) results.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> in, String... path) {
        Map<String, Object> at = in;
        for (String key : path) {
            if (at == null) {
                return null;
            }
            at = (Map<String, Object>) at.get(key);
        }
        return at;
    }

    private static double value(Map<String, Object> in, String key) {
        return in == null ? Double.NaN : number(in.get(key));
    }

    /** Each goal of issue #13 with what this run measured and whether that meets it. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> goals() {
        List<Map<String, Object>> goals = new ArrayList<>();
        Map<String, Object> latency = section("latency");
        Map<String, Object> addedParley = map(latency, "added_over_tcp", "parley");
        Map<String, Object> addedWs = map(latency, "added_over_tcp", "websockify");
        if (addedParley != null && addedWs != null) {
            double ratio = value(addedParley, "p50_us") / value(addedWs, "p50_us");
            goals.add(goal("1. Latency: Parley's added p50 ≤ ½ websockify's added p50",
                    String.format(Locale.ROOT, "%.0f µs vs %.0f µs (%.2f×)", value(addedParley, "p50_us"),
                            value(addedWs, "p50_us"), ratio), ratio <= 0.5));
            goals.add(goal("1. Latency: Parley's added p99 ≤ 1 ms",
                    String.format(Locale.ROOT, "%.0f µs", value(addedParley, "p99_us")),
                    value(addedParley, "p99_us") <= 1000));
        }
        Map<String, Object> hold = section("hold");
        if (hold != null) {
            double open = value(hold, "sessions_open");
            double perSession = value(hold, "heap_per_session_bytes");
            goals.add(goal("2. Scale: 9,500 sessions held, every one answering afterwards",
                    String.format(Locale.ROOT, "%,.0f of %,.0f held; %,.0f answered", open,
                            value(hold, "sessions_requested"), value(hold, "verified_answered")),
                    open >= 9500 && Boolean.TRUE.equals(hold.get("verified_all"))));
            goals.add(goal("2. Scale: idle heap ≤ 64 KB per session",
                    String.format(Locale.ROOT, "%,.0f KB per session (%,.0f sessions)", perSession / 1024, open),
                    perSession <= 64 * 1024));
        }
        Map<String, Object> load = map(section("load"), "parley");
        if (load != null) {
            Map<String, Object> l = (Map<String, Object>) load.get("latency");
            boolean full = value(load, "sessions_open") >= 1000 && value(load, "rate_per_session") >= 10
                    && value(load, "seconds") >= 60;
            goals.add(goal("3. Load: 1,000 sessions × 10 lines/s × 60 s, p99 ≤ 20 ms, none lost or reordered",
                    String.format(Locale.ROOT, "%,.0f × %.0f/s × %.0f s: p99 %.1f ms, %,.0f lost, %,.0f reordered%s",
                            value(load, "sessions_open"), value(load, "rate_per_session"), value(load, "seconds"),
                            value(l, "p99_us") / 1000, value(load, "lines_lost"), value(load, "lines_reordered"),
                            full ? "" : " (smaller than the goal's run)"),
                    full && value(l, "p99_us") <= 20_000 && value(load, "lines_lost") == 0
                            && value(load, "lines_reordered") == 0));
        }
        List<Map<String, Object>> jmh = (List<Map<String, Object>>) results.get("jmh");
        double slowest = jmh.stream().filter(r -> Boolean.TRUE.equals(r.get("multi_line_answer")))
                .mapToDouble(r -> number(r.get("mb_per_s"))).min().orElse(Double.NaN);
        if (!Double.isNaN(slowest)) {
            goals.add(goal("4. Framing: IMAP literals and SMTP/POP3 multi-line answers decode ≥ 500 MB/s",
                    String.format(Locale.ROOT, "slowest %,.0f MB/s", slowest), slowest >= 500));
        }
        double small = longLine(jmh, "4");
        double large = longLine(jmh, "1460");
        if (!Double.isNaN(small) && !Double.isNaN(large)) {
            goals.add(goal("4. Framing: a long line fed a few bytes at a time costs linear time",
                    String.format(Locale.ROOT, "32,000-octet line: %.0f µs in 4-byte reads, %.0f µs in 1,460-byte reads",
                            small, large), small < 20 * large));
        }
        Map<String, Object> environment = section("environment");
        if (environment.containsKey("parley_start_ms")) {
            double ms = Double.parseDouble((String) environment.get("parley_start_ms"));
            goals.add(goal("5. Start: `java -jar parley.jar` to ready ≤ 5 s (the jar as built, practice servers off)",
                    String.format(Locale.ROOT, "%.1f s", ms / 1000), ms <= 5000));
        }
        // The same jar extracted, then with the JDK's AOT cache (scripts/bench.sh measures both on Java 25).
        String extracted = (String) environment.get("parley_start_extracted_ms");
        String aot = (String) environment.get("parley_start_aot_ms");
        if (aot != null && !aot.isBlank()) {
            double ms = Double.parseDouble(aot);
            String how = extracted == null || extracted.isBlank() ? ""
                    : String.format(Locale.ROOT, " (extracted without the cache: %.1f s)", Double.parseDouble(extracted) / 1000);
            goals.add(goal("5. Start: `java -XX:AOTCache=parley.aot -jar parley.jar` to ready ≤ 5 s (extracted, JDK AOT cache)",
                    String.format(Locale.ROOT, "%.1f s", ms / 1000) + how, ms <= 5000));
        }
        return goals;
    }

    @SuppressWarnings("unchecked")
    private static double longLine(List<Map<String, Object>> jmh, String chunk) {
        return jmh.stream().filter(r -> ((String) r.get("benchmark")).startsWith("LongLineBenchmark"))
                .filter(r -> chunk.equals(((Map<String, Object>) r.get("params")).get("chunk")))
                .mapToDouble(r -> number(r.get("score"))).findFirst().orElse(Double.NaN);
    }

    private static Map<String, Object> goal(String goal, String measured, boolean met) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("goal", goal);
        row.put("measured", measured);
        row.put("met", met);
        return row;
    }

    /** The figures section of docs/performance.md. */
    @SuppressWarnings("unchecked")
    String markdown() {
        StringBuilder md = new StringBuilder();
        Map<String, Object> env = section("environment");
        md.append("### Run of ").append(env.getOrDefault("date", "?")).append("\n\n");
        md.append("`").append(env.getOrDefault("command", "scripts/bench.sh")).append("` at commit `")
                .append(env.getOrDefault("commit", "?")).append("`\n\n");
        md.append("| machine | |\n|---|---|\n");
        for (String key : List.of("cpu", "cores", "memory", "kernel", "java", "websockify", "open_files_limit",
                "parley_heap", "load_average_before", "load_average_after")) {
            md.append("| ").append(key.replace('_', ' ')).append(" | ").append(env.getOrDefault(key, "—")).append(" |\n");
        }
        md.append("\nA load average well above the core count means other work shared the machine: "
                + "treat the figures as noisy.\n\n");
        md.append("![latency and load, log scale](img/bench-chart.svg)\n\n");

        md.append("#### Goals\n\n| goal | this run | met |\n|---|---|---|\n");
        for (Map<String, Object> g : (List<Map<String, Object>>) results.get("goals")) {
            md.append("| ").append(g.get("goal")).append(" | ").append(g.get("measured")).append(" | ")
                    .append(Boolean.TRUE.equals(g.get("met")) ? "yes" : "**no**").append(" |\n");
        }

        Map<String, Object> latency = section("latency");
        if (latency != null) {
            md.append("\n#### Round trip, one session each, interleaved (")
                    .append(fmt(value(latency, "rounds"))).append(" rounds after ")
                    .append(fmt(value(latency, "warmup_rounds"))).append(" warm-up)\n\n");
            md.append("| | p50 | p90 | p99 | max | p50 × TCP | added p50 | added p99 | added ÷ websockify's |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            Map<String, Object> tcp = map(latency, "targets", "tcp");
            Map<String, Object> ws = map(latency, "targets", "websockify");
            for (String target : TARGETS) {
                Map<String, Object> t = map(latency, "targets", target);
                if (t == null) {
                    continue;
                }
                md.append("| ").append(LABELS.get(target)).append(" | ").append(us(value(t, "p50_us"))).append(" | ")
                        .append(us(value(t, "p90_us"))).append(" | ").append(us(value(t, "p99_us"))).append(" | ")
                        .append(us(value(t, "max_us"))).append(" | ")
                        .append(ratio(value(t, "p50_us") / value(tcp, "p50_us"))).append(" | ");
                if (target.equals("tcp")) {
                    md.append("— | — | — |\n");
                } else {
                    double added = value(t, "p50_us") - value(tcp, "p50_us");
                    md.append(us(added)).append(" | ").append(us(value(t, "p99_us") - value(tcp, "p99_us"))).append(" | ")
                            .append(ws == null ? "—" : ratio(added / (value(ws, "p50_us") - value(tcp, "p50_us"))))
                            .append(" |\n");
                }
            }
        }

        Map<String, Object> load = section("load");
        if (load != null && !load.isEmpty()) {
            md.append("\n#### Under load: N sessions × R lines/s (latency from each line's scheduled time)\n\n");
            md.append("| | sessions | lines/s each | seconds | lines answered | lost (no answer 10 s after the last send)"
                    + " | reordered | p50 | p99 | max | p99 × TCP |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            Map<String, Object> tcp = map(load, "tcp", "latency");
            for (String target : TARGETS) {
                Map<String, Object> t = map(load, target);
                if (t == null) {
                    continue;
                }
                Map<String, Object> l = map(t, "latency");
                md.append("| ").append(LABELS.get(target)).append(" | ").append(fmt(value(t, "sessions_open")))
                        .append(" | ").append(fmt(value(t, "rate_per_session"))).append(" | ")
                        .append(fmt(value(t, "seconds"))).append(" | ").append(fmt(value(t, "lines_answered")))
                        .append(" | ").append(fmt(value(t, "lines_lost"))).append(" | ")
                        .append(fmt(value(t, "lines_reordered"))).append(" | ").append(us(value(l, "p50_us")))
                        .append(" | ").append(us(value(l, "p99_us"))).append(" | ").append(us(value(l, "max_us")))
                        .append(" | ").append(ratio(value(l, "p99_us") / value(tcp, "p99_us"))).append(" |\n");
            }
        }

        Map<String, Object> hold = section("hold");
        if (hold != null) {
            md.append("\n#### Held sessions (Parley's heap after a full GC, `jcmd GC.class_histogram`)\n\n");
            md.append("| sessions held | answered afterwards | heap per session | RSS per session | open files per session"
                    + " | threads per session | heap not given back after closing all |\n|---|---|---|---|---|---|---|\n");
            md.append("| ").append(fmt(value(hold, "sessions_open"))).append(" of ")
                    .append(fmt(value(hold, "sessions_requested"))).append(" | ")
                    .append(fmt(value(hold, "verified_answered"))).append(" | ")
                    .append(kb(value(hold, "heap_per_session_bytes"))).append(" | ")
                    .append(fmt(value(hold, "rss_per_session_kb"))).append(" KB | ")
                    .append(value(hold, "open_files_per_session")).append(" | ")
                    .append(value(hold, "threads_per_session")).append(" | ")
                    .append(kb(value(hold, "heap_not_released_after_close_bytes"))).append(" total |\n\n");
            md.append("Where a held session's heap goes (growth per session, largest first):\n\n");
            md.append("| class | bytes per session | instances per session |\n|---|---|---|\n");
            List<Map<String, Object>> top = (List<Map<String, Object>>) hold.get("top_classes_per_session");
            for (Map<String, Object> row : top.subList(0, Math.min(12, top.size()))) {
                md.append("| `").append(row.get("class")).append("` | ").append(fmt(number(row.get("bytes_per_session"))))
                        .append(" | ").append(row.get("instances_per_session")).append(" |\n");
            }
        }

        List<Map<String, Object>> jmh = (List<Map<String, Object>>) results.get("jmh");
        if (jmh != null && !jmh.isEmpty()) {
            md.append("\n#### Framing (JMH, one thread; an operation is one whole answer of about 1 MiB, or one"
                    + " 32,000-octet line)\n\n| benchmark | parameters | score | MB/s | lines/s |\n|---|---|---|---|---|\n");
            for (Map<String, Object> row : jmh) {
                md.append("| ").append(row.get("benchmark")).append(" | ").append(row.get("params")).append(" | ")
                        .append(String.format(Locale.ROOT, "%,.1f ± %,.1f %s", number(row.get("score")),
                                number(row.get("error")), row.get("unit")))
                        .append(" | ").append(row.containsKey("mb_per_s") ? fmt(number(row.get("mb_per_s"))) : "—")
                        .append(" | ").append(row.containsKey("lines_per_s") ? fmt(number(row.get("lines_per_s"))) : "—")
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** Bars for p50 and p99 of the round trip and under load, per target, on a log scale (µs). */
    String svg() {
        List<BenchChart.Row> rows = new ArrayList<>();
        Map<String, Object> latency = section("latency");
        Map<String, Object> load = section("load");
        for (String target : TARGETS) {
            Map<String, Object> t = map(latency, "targets", target);
            if (t != null) {
                rows.add(new BenchChart.Row("round trip", label(target), value(t, "p50_us"), value(t, "p99_us")));
            }
        }
        for (String target : TARGETS) {
            Map<String, Object> t = load == null ? null : map(load, target, "latency");
            if (t != null) {
                Map<String, Object> run = map(load, target);
                rows.add(new BenchChart.Row("load " + fmt(value(run, "sessions_open")) + " × "
                        + fmt(value(run, "rate_per_session")) + "/s", label(target), value(t, "p50_us"),
                        value(t, "p99_us")));
            }
        }
        return BenchChart.draw(rows);
    }

    private static String label(String target) {
        return LABELS.get(target).replace("`", "");
    }

    static String splice(String page, String section) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            return page + "\n" + BEGIN + "\n\n" + section + "\n" + END + "\n";
        }
        return page.substring(0, begin + BEGIN.length()) + "\n\n" + section + "\n" + page.substring(end);
    }
}

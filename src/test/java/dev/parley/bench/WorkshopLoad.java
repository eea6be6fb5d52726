package dev.parley.bench;

import dev.parley.bench.EventSocket.LoadFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.SerializationFeature;

/**
 * The load run of issue #10: N simulated attendees join a workshop on a hosted Parley and each
 * runs the SMTP walkthrough once per interval (a minute) for the run's length, mailing a
 * classmate, while the instructor follows one of them. It reports the per-line latency (op
 * written → its {@code complete} event arrived), the greeting and join latencies, how late the
 * follow view is, every failure, the server's heap after a full GC (with {@code --server-pid}, by
 * jcmd) and how busy the machine was. Loopback only: the base URL must be a local address.
 *
 * <pre>
 * PARLEY_LOAD_PASSWORD=… java -cp … dev.parley.bench.WorkshopLoad --base http://127.0.0.1:8080 \
 *     [--attendees 200] [--minutes 5] [--interval-seconds 60] [--server-pid PID] [--out FILE]
 * </pre>
 *
 * {@code scripts/workshop-load.sh} builds, starts Parley and runs this. Exit 0 without failures.
 */
public final class WorkshopLoad {

    /** What to run. */
    public record Options(URI base, String password, int attendees, Duration length, Duration interval, Long serverPid,
            Path out) {

        int runs() {
            return (int) Math.max(1, Math.ceil((double) length.toMillis() / interval.toMillis()));
        }

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Expected --name value pairs, not “" + args[i] + "”.");
                }
                a.put(args[i].substring(2), args[++i]);
            }
            String password = System.getenv("PARLEY_LOAD_PASSWORD");
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("Set PARLEY_LOAD_PASSWORD to the instructor's password.");
            }
            Duration length = a.containsKey("seconds") ? Duration.ofSeconds(Long.parseLong(a.get("seconds")))
                    : Duration.ofSeconds(Math.round(Double.parseDouble(a.getOrDefault("minutes", "5")) * 60));
            return new Options(URI.create(a.getOrDefault("base", "http://127.0.0.1:8080")), password,
                    Integer.parseInt(a.getOrDefault("attendees", "200")), length,
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("interval-seconds", "60"))),
                    a.containsKey("server-pid") ? Long.valueOf(a.get("server-pid")) : null,
                    Path.of(a.getOrDefault("out", "target/bench/workshop-load.json")));
        }
    }

    /** The figures of one run, as written to the JSON file. */
    public record Report(Instant started, double seconds, int attendees, int joined, int runsEach,
            int walkthroughsPlanned, int walkthroughsDone, Map<String, LoadStats.Summary> latencies,
            int followEvents, int failures, Map<String, Integer> failuresByKind, List<String> failureSamples,
            Heap heap, LoadAverage loadAverage, int cpus) {

        public LoadStats.Summary line() {
            return latencies.getOrDefault("line", new LoadStats.Summary(0, 0, 0, 0, 0));
        }
    }

    /** The server's heap after a full GC, in MB (jcmd GC.heap_info), while every attendee is still connected. */
    public record Heap(double usedAfterFullGcMb, double committedMb, String raw) {
    }

    /** /proc/loadavg's one-minute figure: at the start, the most seen during the run, at the end. */
    public record LoadAverage(double start, double max, double end) {
    }

    private WorkshopLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options);
        System.out.println(describe(report));
        System.exit(report.failures() == 0 ? 0 : 1);
    }

    public static Report run(Options o) throws Exception {
        if (!o.base().getHost().equals("127.0.0.1") && !o.base().getHost().equals("localhost")) {
            throw new IllegalArgumentException("A load run only ever sends traffic to loopback, not to " + o.base());
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        LoadStats stats = new LoadStats();
        AtomicReference<Double> loadMax = new AtomicReference<>(loadAverage());
        double loadStart = loadMax.get();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                HttpClient http = HttpClient.newBuilder().executor(threads).connectTimeout(Duration.ofSeconds(10))
                        .build()) {
            Thread sampler = Thread.ofVirtual().start(() -> sampleLoad(loadMax));
            String code = createWorkshop(http, o);
            List<LoadAttendee> attendees = joinAll(http, o, code, stats, threads);

            ConcurrentHashMap<String, Long> followedSent = new ConcurrentHashMap<>();
            AtomicInteger followEvents = new AtomicInteger();
            EventSocket follow = attendees.isEmpty() ? null : follow(http, o, code, attendees.getFirst(), stats,
                    followedSent, followEvents);

            AtomicInteger done = new AtomicInteger();
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < attendees.size(); i++) {
                LoadAttendee a = attendees.get(i);
                String to = attendees.get((i + 1) % attendees.size()).address;
                long offset = o.interval().toNanos() * i / attendees.size();
                boolean followed = i == 0;
                runs.add(threads.submit(() -> {
                    for (int r = 0; r < o.runs(); r++) {
                        sleepUntil(start + offset + r * o.interval().toNanos());
                        try {
                            a.walkthrough(r, to, stats, followed ? followedSent::put : (line, at) -> { });
                            done.incrementAndGet();
                        } catch (LoadFailure e) {
                            stats.failure(e.kind, e.getMessage());
                            a.reset();
                        } catch (RuntimeException e) {
                            stats.failure("exception", a.name + ": " + e);
                            a.reset();
                        }
                    }
                    return null;
                }));
            }
            for (var run : runs) {
                run.get(o.length().toSeconds() + o.interval().toSeconds() + 300, TimeUnit.SECONDS);
            }
            Heap heap = o.serverPid() == null ? null : heap(o.serverPid());
            if (follow != null) {
                follow.close();
            }
            attendees.forEach(LoadAttendee::close);
            endWorkshop(http, o, code);
            sampler.interrupt();
            Report report = new Report(started, (System.nanoTime() - t0) / 1e9, o.attendees(), attendees.size(), o.runs(),
                    o.attendees() * o.runs(), done.get(), stats.all(), followEvents.get(), stats.failures(),
                    stats.failuresByKind(), stats.samples(), heap,
                    new LoadAverage(loadStart, loadMax.get(), loadAverage()), Runtime.getRuntime().availableProcessors());
            write(report, o.out());
            return report;
        }
    }

    private static String createWorkshop(HttpClient http, Options o) throws Exception {
        String body = EventSocket.JSON.writeValueAsString(Map.of("title", "Load run " + Instant.now(), "capacity",
                o.attendees(), "durationMinutes", o.length().toMinutes() + 60));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(o.base().resolve("/api/workshops"))
                .header("Authorization", basic(o.password())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("Could not create the workshop: " + r.statusCode() + " " + r.body());
        }
        return EventSocket.JSON.readTree(r.body()).path("code").asString();
    }

    /** Everyone joins at once, as a room does when the code goes up (16 at a time), then opens their page's WebSocket. */
    private static List<LoadAttendee> joinAll(HttpClient http, Options o, String code, LoadStats stats,
            ExecutorService threads) throws Exception {
        Semaphore door = new Semaphore(16);
        List<java.util.concurrent.Future<LoadAttendee>> joins = new ArrayList<>();
        for (int i = 0; i < o.attendees(); i++) {
            LoadAttendee a = new LoadAttendee(i);
            joins.add(threads.submit(() -> {
                door.acquire();
                try {
                    long t = System.nanoTime();
                    a.join(http, o.base(), code);
                    stats.latency("join", System.nanoTime() - t);
                    a.connect(http, o.base());
                    return a;
                } catch (LoadFailure e) {
                    stats.failure(e.kind, a.name + ": " + e.getMessage());
                    return null;
                } catch (Exception e) {
                    stats.failure("join", a.name + ": " + e);
                    return null;
                } finally {
                    door.release();
                }
            }));
        }
        List<LoadAttendee> joined = new ArrayList<>();
        for (var join : joins) {
            LoadAttendee a = join.get(5, TimeUnit.MINUTES);
            if (a != null) {
                joined.add(a);
            }
        }
        return joined;
    }

    /** The instructor follows one attendee: every line they write must show up here; how late is measured. */
    private static EventSocket follow(HttpClient http, Options o, String code, LoadAttendee followed, LoadStats stats,
            Map<String, Long> sent, AtomicInteger events) {
        URI uri = LoadAttendee.ws(o.base(), "/ws/follow?workshop=" + code + "&attendee=" + followed.id);
        return EventSocket.open(http, uri, Map.of("Authorization", basic(o.password())), heard -> {
            events.incrementAndGet();
            if (heard.name().equals("line") && heard.event().path("dir").asString().equals("C")) {
                Long at = sent.remove(heard.event().path("text").asString());
                if (at != null) {
                    stats.latency("follow", heard.at() - at);
                }
            }
        });
    }

    private static void endWorkshop(HttpClient http, Options o, String code) {
        try {
            http.send(HttpRequest.newBuilder(o.base().resolve("/api/workshops/" + code)).header("Authorization",
                    basic(o.password())).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            System.err.println("Could not end the workshop " + code + ": " + e);
        }
    }

    /** G1's line: "garbage-first heap total reserved 2097152K, committed 130048K, used 38840K" (older JDKs: "total 130048K, used …"). */
    private static final Pattern HEAP = Pattern.compile("(?:committed|total) (\\d+)K, used (\\d+)K");

    /** jcmd GC.run, then GC.heap_info: the heap that stays with every attendee connected. */
    static Heap heap(long pid) {
        try {
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            Matcher m = HEAP.matcher(info);
            if (!m.find()) {
                return new Heap(-1, -1, info.strip());
            }
            String line = info.lines().filter(l -> l.contains(m.group())).findFirst().orElse(m.group()).strip();
            return new Heap(Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0, line);
        } catch (Exception e) {
            return new Heap(-1, -1, "jcmd failed: " + e.getMessage());
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + command + " said: " + out.strip());
        }
        return out;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void sampleLoad(AtomicReference<Double> max) {
        try {
            while (true) {
                Thread.sleep(5000);
                double now = loadAverage();
                max.accumulateAndGet(now, Math::max);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("instructor:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Report report, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, EventSocket.JSON.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(report));
    }

    /** The figures in a few lines, for the terminal. */
    public static String describe(Report r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Workshop load: %d attendees (%d joined), %d walkthroughs of %d done in %.0f s on %d cores%n",
                r.attendees(), r.joined(), r.walkthroughsDone(), r.walkthroughsPlanned(), r.seconds(), r.cpus()));
        r.latencies().forEach((kind, x) -> s.append(String.format("  %-9s n=%-6d p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms%n",
                kind, x.count(), x.p50Ms(), x.p90Ms(), x.p99Ms(), x.maxMs())));
        s.append(String.format("  follow view: %d events%n", r.followEvents()));
        s.append(String.format("  failures: %d %s%n", r.failures(), r.failuresByKind()));
        r.failureSamples().forEach(f -> s.append("    ").append(f).append('\n'));
        if (r.heap() != null) {
            s.append(String.format("  server heap after a full GC: %.1f MB used of %.1f MB committed%n",
                    r.heap().usedAfterFullGcMb(), r.heap().committedMb()));
        }
        s.append(String.format("  load average (1 min): %.2f at the start, %.2f at most, %.2f at the end%n",
                r.loadAverage().start(), r.loadAverage().max(), r.loadAverage().end()));
        return s.toString();
    }
}

package dev.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What a process holds, seen from outside as an operator would: {@code jcmd PID GC.class_histogram}
 * (which runs a full GC first, so it counts live objects only), {@code GC.heap_info}, and the
 * process's resident memory, open files and threads from {@code /proc}.
 */
final class HeapProbe {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /** One look at the process. {@code classes}: class name to {instances, bytes}. */
    record Snapshot(long liveBytes, long instances, Map<String, long[]> classes, String heapInfo, long rssKb, int fds,
            int threads) {
    }

    private HeapProbe() {
    }

    static Snapshot take(long pid) throws IOException, InterruptedException {
        String histogram = jcmd(pid, "GC.class_histogram");
        Map<String, long[]> classes = new HashMap<>();
        long live = 0;
        long instances = 0;
        for (String line : histogram.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                continue;
            }
            Matcher total = TOTAL.matcher(line.strip());
            if (total.matches()) {
                instances = Long.parseLong(total.group(1));
                live = Long.parseLong(total.group(2));
            }
        }
        if (live == 0) {
            throw new IOException("jcmd " + pid + " GC.class_histogram gave no total:\n" + histogram);
        }
        String heapInfo = jcmd(pid, "GC.heap_info").strip();
        Map<String, String> status = status(pid);
        return new Snapshot(live, instances, classes, heapInfo, kb(status.get("VmRSS")), fds(pid),
                Integer.parseInt(status.getOrDefault("Threads", "0").strip()));
    }

    /** The classes whose live bytes grew most between two snapshots, per unit (e.g. per session). */
    static List<Map<String, Object>> topGrowth(Snapshot before, Snapshot after, int units, int limit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        after.classes().forEach((name, counts) -> {
            long[] was = before.classes().getOrDefault(name, new long[2]);
            long bytes = counts[1] - was[1];
            long count = counts[0] - was[0];
            if (bytes > 0) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("class", name);
                row.put("bytes_per_session", bytes / Math.max(1, units));
                row.put("instances_per_session", Math.round(count * 100.0 / Math.max(1, units)) / 100.0);
                row.put("bytes_total", bytes);
                rows.add(row);
            }
        });
        rows.sort((a, b) -> Long.compare((long) b.get("bytes_total"), (long) a.get("bytes_total")));
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    static Map<String, Object> json(Snapshot s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("live_heap_bytes", s.liveBytes());
        out.put("live_instances", s.instances());
        out.put("rss_kb", s.rssKb());
        out.put("open_files", s.fds());
        out.put("threads", s.threads());
        out.put("heap_info", s.heapInfo());
        return out;
    }

    /**
     * A diagnostic command's output: through {@code jcmd} for another process, through the
     * DiagnosticCommand MBean for this one (a JVM attaching to itself through a child jcmd can hang).
     */
    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        if (pid == ProcessHandle.current().pid()) {
            return inProcess(command);
        }
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        Path jcmd = java.resolveSibling("jcmd");
        Path output = Files.createTempFile("parley-bench-jcmd", ".txt");
        try {
            Process process = new ProcessBuilder(Files.exists(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid),
                    command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + pid + " " + command + " did not finish in 3 minutes");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("jcmd " + pid + " " + command + " failed:\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String inProcess(String command) throws IOException {
        String operation = switch (command) {
            case "GC.class_histogram" -> "gcClassHistogram";
            case "GC.heap_info" -> "gcHeapInfo";
            default -> throw new IllegalArgumentException(command);
        };
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IOException(command + " failed in this process", e);
        }
    }

    private static Map<String, String> status(long pid) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return fields;
    }

    private static long kb(String value) {
        return value == null ? 0 : Long.parseLong(value.strip().split("\\s+")[0]);
    }

    private static int fds(long pid) throws IOException {
        try (var files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) files.count();
        }
    }
}

package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Parley's CPU went in one window of a {@code scripts/bench.sh --jfr} run: the execution
 * samples of {@code target/bench/parley.jfr} grouped by the first frame on their stack that names
 * a part of Parley (the transcript recorder and H2, Jackson, Tomcat, the session engine...), by
 * thread, and the hottest methods (top frame). The window defaults to Parley's load run: from when
 * the websockify load run wrote its figures to when Parley's did. {@code --inclusive PREFIX} adds the
 * methods of classes starting with PREFIX by the samples that have them anywhere on the stack.
 *
 * <pre>
 * java -cp "$CP" dev.parley.bench.JfrProfile [--jfr target/bench/parley.jfr] [--run target/bench/run]
 *     [--from ISO-INSTANT --to ISO-INSTANT] [--top 25] [--inclusive org.h2.]
 * </pre>
 */
public final class JfrProfile {

    /** Categories, first match on the stack wins (top frame first), so the order says what counts as whose. */
    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("transcript recorder + H2", List.of("dev.parley.transcript.", "org.h2."));
        CATEGORIES.put("Jackson (events to JSON, ops from JSON)", List.of("tools.jackson.", "com.fasterxml.jackson."));
        CATEGORIES.put("dialects", List.of("dev.parley.protocol."));
        CATEGORIES.put("session engine (Conversation, BrowserSender, TargetWriter)",
                List.of("dev.parley.session.", "dev.parley.web.BrowserSender"));
        CATEGORIES.put("Tomcat WebSocket framing and I/O", List.of("org.apache.tomcat.websocket."));
        CATEGORIES.put("Tomcat NIO", List.of("org.apache.tomcat.util.net.", "org.apache.coyote."));
        CATEGORIES.put("Spring WebSocket and web", List.of("org.springframework.web.socket.", "dev.parley.web."));
    }

    private JfrProfile() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = BenchOptions.parse(args, 0);
        Path jfr = Path.of(options.getOrDefault("jfr", "target/bench/parley.jfr"));
        Path run = Path.of(options.getOrDefault("run", "target/bench/run"));
        Instant from = options.containsKey("from") ? Instant.parse(options.get("from"))
                : modified(run.resolve("load-websockify.json"), modified(run.resolve("load-tcp.json"), Instant.MIN));
        Instant to = options.containsKey("to") ? Instant.parse(options.get("to"))
                : modified(run.resolve("load-parley.json"), Instant.MAX);
        int top = Integer.parseInt(options.getOrDefault("top", "25"));
        String inclusive = options.get("inclusive");

        Map<String, Integer> byCategory = new LinkedHashMap<>();
        CATEGORIES.keySet().forEach(k -> byCategory.put(k, 0));
        byCategory.put("other (JIT, GC, JDK)", 0);
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byParleyFrame = new HashMap<>();
        Map<String, Integer> byInclusive = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                    || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)
                    || event.getStackTrace() == null) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            byCategory.merge(category(frames), 1, Integer::sum);
            var thread = event.getThread("sampledThread");
            String name = thread == null ? "?" : thread.getJavaName() == null ? thread.getOSName() : thread.getJavaName();
            byThread.merge(threadGroup(name, thread != null && thread.isVirtual()), 1, Integer::sum);
            if (!frames.isEmpty()) {
                byMethod.merge(method(frames.getFirst()), 1, Integer::sum);
            }
            if (inclusive != null) {
                frames.stream().filter(f -> f.getMethod().getType().getName().startsWith(inclusive))
                        .map(JfrProfile::method).distinct().forEach(m -> byInclusive.merge(m, 1, Integer::sum));
            }
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("dev.parley.")) {
                    byParleyFrame.merge(method(frame), 1, Integer::sum);
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, %s .. %s: %,d execution samples%n%n", jfr, from, to, total);
        print("where (first match on the stack)", byCategory, total, 100);
        print("thread", byThread, total, 12);
        print("hot methods (top frame)", byMethod, total, top);
        print("first Parley frame on the stack", byParleyFrame, total, top);
        if (inclusive != null) {
            print("inclusive: methods of " + inclusive + "* on the stack", byInclusive, total, top);
        }
    }

    private static String category(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> c : CATEGORIES.entrySet()) {
                for (String prefix : c.getValue()) {
                    if (type.startsWith(prefix)) {
                        return c.getKey();
                    }
                }
            }
        }
        return "other (JIT, GC, JDK)";
    }

    private static String threadGroup(String name, boolean virtual) {
        String group = name.replaceAll("[0-9a-f]{8}-[0-9a-f-]+", "ID").replaceAll("[-#]?\\d+$", "")
                .replaceAll("-\\d+-", "-N-");
        return (virtual ? "virtual " : "") + (group.isEmpty() ? "(unnamed)" : group);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.printf(Locale.ROOT, "| %s | samples | share |%n|---|---|---|%n", title);
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        if (!title.startsWith("where")) {
            entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        }
        entries.stream().limit(limit).forEach(e -> System.out.printf(Locale.ROOT, "| %s | %,d | %.1f %% |%n",
                e.getKey(), e.getValue(), total == 0 ? 0 : 100.0 * e.getValue() / total));
        System.out.println();
    }

    private static Instant modified(Path file, Instant otherwise) throws IOException {
        return Files.exists(file) ? Files.getLastModifiedTime(file).toInstant() : otherwise;
    }
}

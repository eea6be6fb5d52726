package dev.parley.bench;

import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.Dialects;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.Protocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast the dialects turn server bytes into events (issue #13, goal 4: at least 500 MB/s). One
 * operation feeds one whole answer of about {@link #ANSWER_OCTETS} octets to a fresh dialect, in
 * 16 KiB reads as the session's reader loop does, with the default framing limits (so the part past
 * the 256 KB display limit is counted, not kept, exactly as in a live session). MB/s = ops/s ×
 * {@code octets} / 10^6; {@code scripts/bench.sh} does that arithmetic in its report.
 *
 * <ul>
 *   <li>{@code imap-literal}: {@code * 1 FETCH (BODY[] {n}} + a message of n octets + {@code )} + tagged OK;</li>
 *   <li>{@code pop3-retr}: {@code +OK} + a message as a multi-line answer + {@code .};</li>
 *   <li>{@code smtp-multiline}: one multi-line reply of {@code 250-} lines, each annotated;</li>
 *   <li>{@code smtp-replies}: many pipelined one-line replies ({@code 250 NOOP n}), each completing a command.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DialectDecodeBenchmark {

    static final int ANSWER_OCTETS = 1 << 20;
    static final int READ_SIZE = 16 * 1024;

    @Param({"imap-literal", "pop3-retr", "smtp-multiline", "smtp-replies"})
    public String answer;

    private Scenario scenario;
    private Dialect ready;

    /** A dialect in the state where the answer is due, and the answer's bytes. */
    record Scenario(Protocol protocol, byte[] greeting, List<String> commands, byte[] answer) {

        Dialect ready() {
            Dialect dialect = Dialects.create(protocol, FramingLimits.DEFAULT);
            dialect.read(greeting, 0, greeting.length);
            for (String command : commands) {
                dialect.write(command, false);
            }
            return dialect;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        scenario = scenario(answer);
    }

    /** A fresh dialect per operation, greeted and with its commands written: only the answer is measured. */
    @Setup(Level.Invocation)
    public void freshDialect() {
        ready = scenario.ready();
    }

    @Benchmark
    public void decode(Blackhole sink) {
        feed(ready, scenario.answer(), sink::consume);
    }

    /** Feeds an answer in 16 KiB reads; returns how many events it made. */
    static int feed(Dialect dialect, byte[] bytes, java.util.function.Consumer<Object> sink) {
        int events = 0;
        for (int offset = 0; offset < bytes.length; offset += READ_SIZE) {
            List<DialectEvent> out = dialect.read(bytes, offset, Math.min(READ_SIZE, bytes.length - offset));
            events += out.size();
            sink.accept(out);
        }
        return events;
    }

    static Scenario scenario(String name) {
        return switch (name) {
            case "imap-literal" -> {
                byte[] message = message(ANSWER_OCTETS);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                write(out, "* 1 FETCH (BODY[] {" + message.length + "}\r\n");
                out.writeBytes(message);
                write(out, ")\r\nA0001 OK FETCH completed\r\n");
                yield new Scenario(Protocol.IMAP, ascii("* OK IMAP4rev1 ready\r\n"), List.of("FETCH 1 BODY[]"),
                        out.toByteArray());
            }
            case "pop3-retr" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                write(out, "+OK " + ANSWER_OCTETS + " octets\r\n");
                out.writeBytes(message(ANSWER_OCTETS));
                write(out, ".\r\n");
                yield new Scenario(Protocol.POP3, ascii("+OK POP3 ready\r\n"), List.of("RETR 1"), out.toByteArray());
            }
            case "smtp-multiline" -> {
                StringBuilder reply = new StringBuilder();
                for (int i = 0; reply.length() < ANSWER_OCTETS; i++) {
                    reply.append("250-X-EXTENSION-").append(i).append(" an extension keyword with some parameters\r\n");
                }
                reply.append("250 SMTPUTF8\r\n");
                yield new Scenario(Protocol.SMTP, ascii("220 mail.example ESMTP ready\r\n"), List.of("EHLO bench"),
                        ascii(reply.toString()));
            }
            case "smtp-replies" -> {
                StringBuilder replies = new StringBuilder();
                List<String> commands = new java.util.ArrayList<>();
                for (int i = 0; replies.length() < ANSWER_OCTETS; i++) {
                    commands.add("NOOP " + i);
                    replies.append("250 NOOP ").append(i).append("\r\n");
                }
                yield new Scenario(Protocol.SMTP, ascii("220 mail.example ESMTP ready\r\n"), commands,
                        ascii(replies.toString()));
            }
            default -> throw new IllegalArgumentException("unknown answer " + name);
        };
    }

    /** A plain mail message of about {@code octets} octets: 76-character lines, CRLF, a few starting with '.'. */
    static byte[] message(int octets) {
        StringBuilder text = new StringBuilder("From: bench@example.org\r\nSubject: benchmark\r\n\r\n");
        String filler = "The quick brown fox jumps over the lazy dog, and the lazy dog reads its mail.";
        for (int i = 0; text.length() < octets - 80; i++) {
            text.append(i % 50 == 0 ? ".." : "").append(filler, 0, 74).append("\r\n");
        }
        while (text.length() < octets - 2) {
            text.append('x');
        }
        text.append("\r\n");
        return ascii(text.toString());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(ascii(text));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

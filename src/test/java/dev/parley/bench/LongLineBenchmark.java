package dev.parley.bench;

import dev.parley.protocol.LineBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A long line that arrives a few bytes at a time (a slow or hostile server, or a tiny MTU): the
 * framer must cost time linear in the line, not rescan everything buffered on every read (issue #13,
 * goal 4). One operation frames one line of {@code octets} (just under the 32 KB default limit) fed
 * {@code chunk} bytes per read. Linear framing makes the time per line nearly independent of
 * {@code chunk} (apart from the per-call overhead); quadratic framing makes it grow as octets²/chunk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LongLineBenchmark {

    static final int LINE_OCTETS = 32_000;

    @Param({"4", "64", "1460"})
    public int chunk;

    private byte[] line;

    @Setup
    public void setUp() {
        line = new byte[LINE_OCTETS + 2];
        Arrays.fill(line, (byte) 'a');
        line[LINE_OCTETS] = '\r';
        line[LINE_OCTETS + 1] = '\n';
    }

    @Benchmark
    public LineBuffer.LineResult frameOneLine() {
        return frame(line, chunk);
    }

    /** Feeds {@code bytes} {@code chunk} at a time, asking for a line after each read as the dialects do. */
    static LineBuffer.LineResult frame(byte[] bytes, int chunk) {
        LineBuffer buffer = new LineBuffer(32 * 1024);
        LineBuffer.LineResult result = null;
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            buffer.append(bytes, offset, Math.min(chunk, bytes.length - offset));
            result = buffer.nextLine();
        }
        return result;
    }
}

package dev.parley.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Per-client and overall caps ({@code parley.limits.*}, beside the per-session limits). Unset
 * means the mode's default: on a laptop only the learner's own browser reaches Parley, so the
 * per-client caps are off (0) and the one overall cap, WebSockets in all, is sized from the heap;
 * a hosted server is strict by default. 0 switches a cap off.
 *
 * @param websocketsPerClient      WebSockets one client may hold open (hosted: 4)
 * @param websockets               WebSockets in all (default: the heap over 128 KB, at least 10,000)
 * @param conversationsPerClient   live target connections one client may hold open (hosted: 2)
 * @param sendsPerSecond           lines and payloads one conversation may send a second (hosted: 10)
 * @param replaysPerMinute         replays one client may start a minute (hosted: 10)
 * @param libraryCallsPerMinute    library calls one client may make a minute (hosted: 30)
 * @param transcriptStorage        text one client's transcripts may hold together (hosted: 16 MB)
 */
@ConfigurationProperties("parley.limits")
public record CapsProperties(Integer websocketsPerClient, Integer websockets, Integer conversationsPerClient,
        Integer sendsPerSecond, Integer replaysPerMinute, Integer libraryCallsPerMinute, DataSize transcriptStorage) {

    /** Heap an open session may cost, for sizing the overall WebSocket cap (issue #8 measured ~47 KB). */
    static final long HEAP_PER_SESSION = 128 * 1024;
    static final int MIN_WEBSOCKETS = 10_000;

    int websocketsPerClient(ParleyMode mode) {
        return orDefault(websocketsPerClient, mode, 0, 4);
    }

    int websockets(long maxHeap) {
        return websockets != null ? websockets : (int) Math.max(MIN_WEBSOCKETS, Math.min(Integer.MAX_VALUE,
                maxHeap / HEAP_PER_SESSION));
    }

    int conversationsPerClient(ParleyMode mode) {
        return orDefault(conversationsPerClient, mode, 0, 2);
    }

    int sendsPerSecond(ParleyMode mode) {
        return orDefault(sendsPerSecond, mode, 0, 10);
    }

    int replaysPerMinute(ParleyMode mode) {
        return orDefault(replaysPerMinute, mode, 0, 10);
    }

    int libraryCallsPerMinute(ParleyMode mode) {
        return orDefault(libraryCallsPerMinute, mode, 0, 30);
    }

    long transcriptStorage(ParleyMode mode) {
        if (transcriptStorage != null) {
            return transcriptStorage.toBytes();
        }
        return switch (mode) {
            case LAPTOP -> 0;
            case HOSTED -> DataSize.ofMegabytes(16).toBytes();
        };
    }

    private static int orDefault(Integer value, ParleyMode mode, int laptop, int hosted) {
        if (value != null) {
            if (value < 0) {
                throw new IllegalArgumentException("A cap in parley.limits is 0 (off) or more, not " + value + ".");
            }
            return value;
        }
        return switch (mode) {
            case LAPTOP -> laptop;
            case HOSTED -> hosted;
        };
    }
}

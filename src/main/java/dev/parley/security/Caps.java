package dev.parley.security;

import io.github.bucket4j.TimeMeter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every cap on what one client, and everyone together, may hold or do, in one place for all three
 * front doors (CONTRACTS.md §6; {@code parley.limits.*}, {@link CapsProperties}): WebSockets per
 * client and in all, live conversations per client, sends per second per conversation, replays and
 * library calls per minute per client, transcript storage per client, and connect attempts
 * ({@link ClientRateLimiter}). A refusal names the cap. A client is a stable key: the identity
 * when there is one, else the remote address.
 *
 * <p>What is held is counted with permits that are released exactly once, so a crash between
 * acquire and release cannot leak a slot, and a client's counter disappears when it drops to 0.
 */
public final class Caps {

    /** A slot held; {@link #close()} gives it back (idempotent). */
    public interface Permit extends AutoCloseable {

        @Override
        void close();
    }

    private static final Permit NOTHING = () -> { };

    private final ParleyMode mode;
    private final CapsProperties properties;
    private final int websocketsPerClient;
    private final int websockets;
    private final int conversationsPerClient;
    private final ClientRateLimiter connects;
    private final ClientRateLimiter replays;
    private final ClientRateLimiter libraryCalls;
    private final AtomicInteger openWebSockets = new AtomicInteger();
    private final Map<String, Integer> websocketsByClient = new ConcurrentHashMap<>();
    private final Map<String, Integer> conversationsByClient = new ConcurrentHashMap<>();

    public Caps(ParleyMode mode, CapsProperties properties, ClientRateLimiter connects, long maxHeap,
            TimeMeter clock) {
        this.mode = mode;
        this.properties = properties;
        this.websocketsPerClient = properties.websocketsPerClient(mode);
        this.websockets = properties.websockets(maxHeap);
        this.conversationsPerClient = properties.conversationsPerClient(mode);
        this.connects = connects;
        int replaysPerMinute = properties.replaysPerMinute(mode);
        int libraryPerMinute = properties.libraryCallsPerMinute(mode);
        this.replays = new ClientRateLimiter("replays (parley.limits.replays-per-minute: " + replaysPerMinute
                + " a minute)", replaysPerMinute, replaysPerMinute, clock);
        this.libraryCalls = new ClientRateLimiter("library calls (parley.limits.library-calls-per-minute: "
                + libraryPerMinute + " a minute)", libraryPerMinute, libraryPerMinute, clock);
    }

    /** No caps at all, as a laptop has by default: for tools and tests that build the engine by hand. */
    public static Caps unlimited() {
        return new Caps(ParleyMode.LAPTOP, new CapsProperties(0, Integer.MAX_VALUE, 0, 0, 0, 0, null),
                new ClientRateLimiter(0, 0, TimeMeter.SYSTEM_NANOTIME), Runtime.getRuntime().maxMemory(),
                TimeMeter.SYSTEM_NANOTIME);
    }

    /** A WebSocket opens: within the overall cap and the client's. */
    public Permit openWebSocket(String client) throws CapExceededException {
        if (openWebSockets.incrementAndGet() > websockets) {
            openWebSockets.decrementAndGet();
            throw new CapExceededException("This Parley already holds " + websockets + " open sessions, the most it"
                    + " takes (parley.limits.websockets); try again in a while.");
        }
        Permit own;
        try {
            own = hold(websocketsByClient, client, websocketsPerClient, "You already have " + websocketsPerClient
                    + " Parley tabs open, the most one person may (parley.limits.websockets-per-client); close one.");
        } catch (CapExceededException e) {
            openWebSockets.decrementAndGet();
            throw e;
        }
        return once(() -> {
            own.close();
            openWebSockets.decrementAndGet();
        });
    }

    /** A live connection to a target opens, from any door. */
    public Permit openConversation(String client) throws CapExceededException {
        return hold(conversationsByClient, client, conversationsPerClient, "You already have "
                + conversationsPerClient + " connections open, the most one person may"
                + " (parley.limits.conversations-per-client); disconnect one first.");
    }

    /** A connect attempt (allowed or not by the target policy), from any door. */
    public void connectAttempt(String client) throws RateLimitedException {
        connects.acquire(client);
    }

    public void replay(String client) throws RateLimitedException {
        replays.acquire(client);
    }

    public void libraryCall(String client) throws RateLimitedException {
        libraryCalls.acquire(client);
    }

    /** Lines a conversation may send a second; 0 for no limit. */
    public int sendsPerSecond() {
        return properties.sendsPerSecond(mode);
    }

    /** Refuses a new transcript when a client's stored ones hold {@code storedChars} already. */
    public void storage(long storedChars) throws CapExceededException {
        long cap = properties.transcriptStorage(mode);
        if (cap > 0 && storedChars >= cap) {
            throw new CapExceededException("Your transcripts already hold " + dev.parley.protocol.Octets.words(storedChars)
                    + ", the most one person may keep (parley.limits.transcript-storage); delete some of them first.");
        }
    }

    /** Whether the storage cap applies at all (so that nobody counts storage for nothing). */
    public boolean storageCapped() {
        return properties.transcriptStorage(mode) > 0;
    }

    /** WebSockets open now, in all. */
    public int openWebSockets() {
        return openWebSockets.get();
    }

    /** One more for {@code client}, atomically per key (a counter at 0 leaves the map). */
    private static Permit hold(Map<String, Integer> counts, String client, int cap, String refusal)
            throws CapExceededException {
        if (cap <= 0) {
            return NOTHING;
        }
        String key = client == null ? "" : client;
        int held = counts.merge(key, 1, Integer::sum);
        if (held > cap) {
            release(counts, key);
            throw new CapExceededException(refusal);
        }
        return once(() -> release(counts, key));
    }

    private static void release(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static Permit once(Runnable release) {
        AtomicLong done = new AtomicLong();
        return () -> {
            if (done.compareAndSet(0, 1)) {
                release.run();
            }
        };
    }
}

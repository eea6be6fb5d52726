package dev.parley.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attempts per client over time: a Bucket4j token bucket per client key. Connect attempts
 * ({@code parley.targets.connect-rate}), so a hosted Parley cannot be used as a port scanner (the
 * report in issue #9: 203 connects in 0.4 s from one WebSocket; every attempt counts, allowed or
 * denied by the {@link TargetPolicy}: call {@link #acquire} before {@link TargetPolicy#check});
 * and replays and library calls per minute ({@link Caps}).
 *
 * <p>Memory stays bounded: a bucket left alone long enough to refill completely is dropped (a new
 * one would be the same, so nothing is forgotten), and past {@value #MAX_CLIENTS} clients the
 * newcomers share one bucket, so minting client keys buys an attacker nothing.
 */
public final class ClientRateLimiter {

    static final String CONNECTS = "connection attempts (parley.targets.connect-rate)";

    /** Most clients with a bucket of their own. */
    public static final int MAX_CLIENTS = 100_000;

    private final String what;
    private final int maxClients;
    private final int burst;
    private final int perMinute;
    private final TimeMeter clock;
    private final long idleNanos;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;
    private final Bucket overflow;

    private static final class Slot {
        final Bucket bucket;
        volatile long lastUsed;

        Slot(Bucket bucket, long now) {
            this.bucket = bucket;
            this.lastUsed = now;
        }
    }

    /**
     * @param burst     attempts a client may make at once; 0 switches the limit off
     * @param perMinute attempts a minute once the burst is spent; 0 switches the limit off
     * @param clock     Bucket4j's time source ({@link TimeMeter#SYSTEM_NANOTIME}; tests pass their own)
     */
    public ClientRateLimiter(int burst, int perMinute, TimeMeter clock) {
        this(CONNECTS, burst, perMinute, clock, MAX_CLIENTS);
    }

    /**
     * @param what what is counted, as the refusal says it: "connection attempts (parley.targets.connect-rate)"
     */
    public ClientRateLimiter(String what, int burst, int perMinute, TimeMeter clock) {
        this(what, burst, perMinute, clock, MAX_CLIENTS);
    }

    ClientRateLimiter(int burst, int perMinute, TimeMeter clock, int maxClients) {
        this(CONNECTS, burst, perMinute, clock, maxClients);
    }

    ClientRateLimiter(String what, int burst, int perMinute, TimeMeter clock, int maxClients) {
        this.what = what;
        this.maxClients = maxClients;
        this.burst = burst;
        this.perMinute = perMinute;
        this.clock = clock;
        this.idleNanos = perMinute == 0 ? 0 : Duration.ofMinutes(1).toNanos() * Math.max(burst, 1) / perMinute + 1;
        this.lastSweep = new AtomicLong(clock.currentTimeNanos());
        this.overflow = limited() ? newBucket() : null;
    }

    /** The limiter {@code parley.targets.connect-rate} describes for {@code mode}. */
    public static ClientRateLimiter of(ParleyMode mode, TargetProperties.ConnectRate rate) {
        return new ClientRateLimiter(rate.burst(mode), rate.perMinute(mode), TimeMeter.SYSTEM_NANOTIME);
    }

    /** Whether any limit applies (none on a laptop unless configured). */
    public boolean limited() {
        return burst > 0 && perMinute > 0;
    }

    /**
     * Counts one connect attempt of {@code clientKey} (any stable string: a client identity or an
     * address; null counts as one shared anonymous client).
     *
     * @throws RateLimitedException the client has no attempt left; the message says when to try again
     */
    public void acquire(String clientKey) throws RateLimitedException {
        if (!limited()) {
            return;
        }
        long now = clock.currentTimeNanos();
        sweepIfDue(now);
        Bucket bucket = bucketOf(clientKey == null ? "" : clientKey, now);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(what, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** How many clients have a bucket of their own now (for tests and metrics). */
    public int trackedClients() {
        return slots.size();
    }

    private Bucket bucketOf(String key, long now) {
        Slot slot = slots.get(key);
        if (slot == null) {
            if (slots.size() >= maxClients) {
                return overflow;
            }
            slot = slots.computeIfAbsent(key, k -> new Slot(newBucket(), now));
        }
        slot.lastUsed = now;
        return slot.bucket;
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last >= idleNanos && lastSweep.compareAndSet(last, now)) {
            slots.values().removeIf(slot -> now - slot.lastUsed >= idleNanos);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(clock)
                .build();
    }
}

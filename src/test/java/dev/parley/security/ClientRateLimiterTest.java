package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Connect attempts per client: a burst, then a steady rate, an error that says when to retry, bounded memory. */
class ClientRateLimiterTest {

    /** A clock the test moves by hand, so no assertion depends on how fast this machine is. */
    private static final class ManualClock implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void aClientGetsItsBurstThenAnErrorSayingWhenToTryAgain() throws Exception {
        ClientRateLimiter limiter = new ClientRateLimiter(3, 6, clock); // one attempt back every 10 s
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice");
        }
        assertThatThrownBy(() -> limiter.acquire("alice"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(e.retryAfterSeconds()).isEqualTo(10);
                })
                .hasMessage("Too many connection attempts (parley.targets.connect-rate): try again in 10 s.");
        clock.advance(Duration.ofSeconds(8));
        assertThatThrownBy(() -> limiter.acquire("alice")).hasMessage("Too many connection attempts (parley.targets.connect-rate): try again in 2 s.");
        clock.advance(Duration.ofMillis(1_500));
        assertThatThrownBy(() -> limiter.acquire("alice"))
                .as("half a second is rounded up, never down to 0 s")
                .hasMessage("Too many connection attempts (parley.targets.connect-rate): try again in 1 s.");
        clock.advance(Duration.ofMillis(500));
        limiter.acquire("alice");
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() throws Exception {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, clock);
        limiter.acquire("alice");
        assertThatThrownBy(() -> limiter.acquire("alice")).isInstanceOf(RateLimitedException.class);
        assertThatCode(() -> limiter.acquire("bob")).doesNotThrowAnyException();
        assertThatCode(() -> limiter.acquire(null)).as("no key counts as one anonymous client").doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire(null)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void zeroSwitchesTheLimitOff() throws Exception {
        ClientRateLimiter limiter = new ClientRateLimiter(0, 0, clock);
        assertThat(limiter.limited()).isFalse();
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("benchmark");
        }
        assertThat(limiter.trackedClients()).isZero();
    }

    @Test
    void idleBucketsAreDroppedOnceTheyWouldBeFullAgain() throws Exception {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 60, clock); // full again 2 s after the last attempt
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("client-" + i);
        }
        assertThat(limiter.trackedClients()).isEqualTo(1_000);
        clock.advance(Duration.ofSeconds(3));
        limiter.acquire("late");
        assertThat(limiter.trackedClients()).isEqualTo(1);
        limiter.acquire("client-0");
        limiter.acquire("client-0");
        assertThatThrownBy(() -> limiter.acquire("client-0"))
                .as("a dropped bucket comes back full, and then counts as before")
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void pastTheClientCapNewcomersShareOneBucket() throws Exception {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 1, clock, 3);
        for (String client : new String[] {"a", "b", "c"}) {
            limiter.acquire(client);
        }
        limiter.acquire("minted-1");
        limiter.acquire("minted-2");
        assertThatThrownBy(() -> limiter.acquire("minted-3"))
                .as("keys minted past the cap draw from one shared bucket")
                .isInstanceOf(RateLimitedException.class);
        assertThat(limiter.trackedClients()).isEqualTo(3);
        limiter.acquire("a");
    }

    @Test
    void theModeDecidesTheDefaults() throws Exception {
        TargetProperties unset = Policies.targets(Map.of());
        assertThat(ClientRateLimiter.of(ParleyMode.LAPTOP, unset.connectRate()).limited()).isFalse();
        ClientRateLimiter hosted = ClientRateLimiter.of(ParleyMode.HOSTED, unset.connectRate());
        assertThat(hosted.limited()).isTrue();
        for (int i = 0; i < TargetProperties.ConnectRate.HOSTED_BURST; i++) {
            hosted.acquire("workshop-attendee");
        }
        assertThatThrownBy(() -> hosted.acquire("workshop-attendee")).isInstanceOf(RateLimitedException.class);

        TargetProperties configured = Policies.targets(Map.of("parley.targets.connect-rate.burst", "5",
                "parley.targets.connect-rate.per-minute", "60"));
        assertThat(ClientRateLimiter.of(ParleyMode.LAPTOP, configured.connectRate()).limited()).isTrue();
    }

    @Test
    void aNegativeRateStopsStartup() {
        assertThatThrownBy(() -> Policies.targets(Map.of("parley.targets.connect-rate.burst", "-1")))
                .rootCause().hasMessageContaining("must be 0 (unlimited) or more");
    }
}

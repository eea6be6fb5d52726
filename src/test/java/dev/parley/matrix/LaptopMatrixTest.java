package dev.parley.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.ParleyTest;
import java.net.CookieManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #9's end-to-end matrix on a laptop: the three doors × allowed and denied targets × IPv4 and
 * IPv6. The learner's own network stays open (loopback here); Parley's own port and the unspecified
 * address are refused by every door, and a refused target never sees a connection. Every target is
 * on loopback: a denial that failed would still send nothing off the machine.
 */
@ParleyTest
class LaptopMatrixTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void theLearnersOwnLoopbackIsReachableThroughEveryDoor(String loopback) throws Exception {
        Doors doors = new Doors(port, new CookieManager());
        String host = loopback.contains(":") ? "[" + loopback + "]" : loopback;
        try (Probe smtp = new Probe(loopback, Probe.Kind.SMTP); Probe http = new Probe(loopback, Probe.Kind.HTTP)) {
            assertThat(doors.live(host, smtp.port())).isEqualTo("connected");
            assertThat(doors.replay(host, smtp.port())).isEqualTo("passed");
            assertThat(doors.library(host, http.port())).isEqualTo("200");
            assertThat(smtp.accepted()).isEqualTo(2);
            assertThat(http.accepted()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "[::1]", "localhost", "127.1", "2130706433", "[::ffff:127.0.0.1]"})
    void parleysOwnPortIsRefusedByEveryDoor(String host) throws Exception {
        Doors doors = new Doors(port, new CookieManager());
        assertThat(doors.live(host, port)).isEqualTo("TARGET_DENIED");
        assertThat(doors.replay(host, port)).doesNotContain("passed");
        assertThat(doors.library(host, port)).startsWith("403");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0.0", "[::]", "0"})
    void theUnspecifiedAddressIsRefusedAndNeverConnected(String host) throws Exception {
        Doors doors = new Doors(port, new CookieManager());
        try (Probe smtp = new Probe("127.0.0.1", Probe.Kind.SMTP); Probe http = new Probe("127.0.0.1", Probe.Kind.HTTP)) {
            assertThat(doors.live(host, smtp.port())).isEqualTo("TARGET_DENIED");
            assertThat(doors.replay(host, smtp.port())).doesNotContain("passed");
            assertThat(doors.library(host, http.port())).startsWith("403");
            assertThat(smtp.accepted() + http.accepted()).as("connections that reached the probe").isZero();
        }
    }
}

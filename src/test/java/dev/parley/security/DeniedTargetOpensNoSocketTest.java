package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Protocol;
import dev.parley.session.ConnectRequest;
import dev.parley.session.LiveSession;
import dev.parley.session.LiveSessions;
import dev.parley.session.SessionEvent;
import dev.parley.session.SessionLimits;
import dev.parley.session.TlsClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * A denied target never sees a socket. Each test points a real live session at a real listening
 * socket on loopback (the probe) that the policy must refuse, then shows the probe's backlog is
 * empty: had the session connected, the kernel would have queued the connection before the
 * session reported anything. Whatever the policy decided, the only address a session could reach
 * here is the loopback probe, so even a broken policy sends nothing off this machine.
 */
class DeniedTargetOpensNoSocketTest {

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private ServerSocket probe;

    @BeforeEach
    void listen() throws Exception {
        probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws Exception {
        probe.close();
    }

    private LiveSession session(TargetPolicy policy) {
        SessionLimits limits = Binder.get(new StandardEnvironment()).bindOrCreate("parley.limits", SessionLimits.class);
        TargetProperties targets = Policies.targets(Map.of());
        return new LiveSessions(limits, policy, new TlsClient(List.of(), targets), List.of()).open(events::add);
    }

    private SessionEvent awaitOutcome() {
        await().atMost(10, TimeUnit.SECONDS).until(() -> events.stream()
                .anyMatch(e -> e instanceof SessionEvent.Error || e instanceof SessionEvent.Connected));
        return events.stream().filter(e -> e instanceof SessionEvent.Error || e instanceof SessionEvent.Connected)
                .findFirst().orElseThrow();
    }

    private void assertProbeWasNeverConnectedTo() throws Exception {
        probe.setSoTimeout(300);
        assertThatThrownBy(probe::accept).as("a connection reached the probe").isInstanceOf(SocketTimeoutException.class);
    }

    private void assertDenied(SessionEvent outcome, String messagePart) {
        assertThat(outcome).isInstanceOfSatisfying(SessionEvent.Error.class, error -> {
            assertThat(error.code()).isEqualTo("TARGET_DENIED");
            assertThat(error.message()).contains(messagePart);
        });
    }

    @Test
    void anAllowedTargetIsConnectedToSoTheProbeCanSeeAConnection() throws Exception {
        session(Policies.policy(ParleyMode.LAPTOP)).connect(
                new ConnectRequest(Protocol.SMTP, "127.0.0.1", probe.getLocalPort(), false, false));
        probe.setSoTimeout(10_000);
        try (Socket accepted = probe.accept()) {
            assertThat(accepted.getInetAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void parleysOwnPortOnALaptopIsNeverConnectedTo() throws Exception {
        TargetPolicy policy = new TargetPolicy(ParleyMode.LAPTOP, Policies.targets(Map.of()),
                Policies.table(Policies.NAMES), () -> Set.of(probe.getLocalPort()), () -> PracticeTargets.NONE);
        session(policy).connect(new ConnectRequest(Protocol.HTTP, "localhost", probe.getLocalPort(), false, false));
        assertDenied(awaitOutcome(), "Parley's own web server");
        assertProbeWasNeverConnectedTo();
    }

    @Test
    void loopbackThatIsNoPracticeServerIsNeverConnectedToWhenHosted() throws Exception {
        TargetPolicy policy = new TargetPolicy(ParleyMode.HOSTED, Policies.targets(Map.of()),
                Policies.table(Policies.NAMES), Set::of, () -> new PracticeTargets("localhost", "127.0.0.1", Set.of(3025)));
        session(policy).connect(new ConnectRequest(Protocol.SMTP, "127.0.0.1", probe.getLocalPort(), false, false));
        assertDenied(awaitOutcome(), "in hosted mode Parley reaches only its practice servers");
        assertProbeWasNeverConnectedTo();
    }

    @Test
    void anAllowedNameThatResolvesToLoopbackIsNeverConnectedToWhenHosted() throws Exception {
        TargetPolicy policy = new TargetPolicy(ParleyMode.HOSTED,
                Policies.targets(Map.of("parley.targets.allow", "probe.test:" + probe.getLocalPort())),
                Policies.table(Map.of("probe.test", List.of("127.0.0.1"))), Set::of, () -> PracticeTargets.NONE);
        session(policy).connect(new ConnectRequest(Protocol.SMTP, "probe.test", probe.getLocalPort(), false, false));
        assertDenied(awaitOutcome(), "a name does not open loopback");
        assertProbeWasNeverConnectedTo();
    }

    @Test
    void aNameWithOneDeniedAddressIsNeverConnectedToAtAll() throws Exception {
        TargetPolicy policy = new TargetPolicy(ParleyMode.LAPTOP, Policies.targets(Map.of()),
                Policies.table(Map.of("split.test", List.of("127.0.0.1", "169.254.169.254"))), Set::of,
                () -> PracticeTargets.NONE);
        session(policy).connect(new ConnectRequest(Protocol.SMTP, "split.test", probe.getLocalPort(), false, false));
        assertDenied(awaitOutcome(), "169.254.169.254, which is a link-local address");
        assertProbeWasNeverConnectedTo();
    }
}

package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Protocol;
import dev.parley.support.ScriptedServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/** Every connect passes the target policy first: a refused target never sees a socket. */
class TargetPolicyTest {

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    private LiveSession session(Map<String, String> properties) {
        return TestSessions.with(properties).open(events::add);
    }

    private SessionEvent.Error awaitError() {
        await().atMost(10, TimeUnit.SECONDS).until(() -> events.stream().anyMatch(SessionEvent.Error.class::isInstance));
        return events.stream().filter(SessionEvent.Error.class::isInstance).map(SessionEvent.Error.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void insecureTlsIsRefusedWhereConfigurationForbidsIt() throws Exception {
        LiveSession session = session(Map.of("parley.targets.allow-insecure-tls", "false"));
        session.connect(new ConnectRequest(Protocol.IMAP, "127.0.0.1", 993, true, true));
        SessionEvent.Error error = awaitError();
        assertThat(error.code()).isEqualTo("TARGET_DENIED");
        assertThat(error.message()).contains("Accepting any certificate is switched off");
    }

    @Test
    void deniedPortIsRefusedBeforeAnySocketIsOpened() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            throw new AssertionError("the denied target was connected to");
        })) {
            LiveSession session = session(Map.of("parley.targets.denied-ports", String.valueOf(server.port())));
            session.connect(new ConnectRequest(Protocol.SMTP, "127.0.0.1", server.port(), false, false));
            SessionEvent.Error error = awaitError();
            assertThat(error.code()).isEqualTo("TARGET_DENIED");
            assertThat(error.message()).contains(String.valueOf(server.port()), "not allowed");
            assertThat(session.connected()).isFalse();
        }
    }
}

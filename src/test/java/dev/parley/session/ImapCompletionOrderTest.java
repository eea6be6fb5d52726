package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Protocol;
import dev.parley.support.ScriptedServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * IMAP lets a server finish pipelined commands in any order (RFC 9051 §5.5): each {@code complete}
 * event must name the command its tag completes, not simply the oldest one still waiting.
 */
class ImapCompletionOrderTest {

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void aCommandFinishedOutOfOrderIsCreditedToItsOwnTag() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            ScriptedServer.write(out, "* OK ready\r\n");
            ScriptedServer.readLine(in);
            ScriptedServer.readLine(in);
            ScriptedServer.write(out, "A0002 OK second done first\r\nA0001 OK first done last\r\n");
            in.read();
        })) {
            LiveSession session = TestSessions.defaults().open(events::add);
            session.connect(new ConnectRequest(Protocol.IMAP, "127.0.0.1", server.port(), false, false));
            await().atMost(10, TimeUnit.SECONDS).until(() -> completes().size() == 1);
            session.send("NOOP", false);
            session.send("CHECK", false);
            await().atMost(10, TimeUnit.SECONDS).until(() -> completes().size() == 3);

            long noop = seqOf("A0001 NOOP");
            long check = seqOf("A0002 CHECK");
            assertThat(completes()).extracting(SessionEvent.Complete::seq).containsExactly(0L, check, noop);
            session.close();
        }
    }

    private List<SessionEvent.Complete> completes() {
        return events.stream().filter(SessionEvent.Complete.class::isInstance).map(SessionEvent.Complete.class::cast)
                .toList();
    }

    private long seqOf(String text) {
        return events.stream().filter(SessionEvent.Line.class::isInstance).map(SessionEvent.Line.class::cast)
                .filter(l -> l.text().equals(text)).findFirst().orElseThrow().seq();
    }
}

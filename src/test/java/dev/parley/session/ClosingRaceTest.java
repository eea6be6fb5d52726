package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing races the reader and the viewer's own ops (issue #8, item 8): after {@code closed}
 * nothing more may reach the viewer, and a connect racing the viewer's departure must not leave a
 * connection behind that nobody will ever close.
 */
@Timeout(60)
class ClosingRaceTest {

    /** Accepts any number of connections; each floods lines until the client's end closes. */
    private static final class FloodingServer implements AutoCloseable {

        final ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();

        FloodingServer() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        accepted.incrementAndGet();
                        open.incrementAndGet();
                        Thread.ofVirtual().start(() -> flood(socket));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void flood(Socket socket) {
            byte[] line = "flood flood flood flood flood\r\n".getBytes(StandardCharsets.US_ASCII);
            try (socket; OutputStream out = socket.getOutputStream(); InputStream in = socket.getInputStream()) {
                Thread.ofVirtual().start(() -> {
                    try {
                        while (in.read() != -1) {
                            // the client's end closing ends this read with -1 or an exception
                        }
                    } catch (IOException ignored) {
                        // reset by the client: the same as closed
                    }
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                });
                while (!socket.isClosed()) {
                    out.write(line);
                }
            } catch (IOException ignored) {
                // the client went away
            } finally {
                open.decrementAndGet();
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void nothingReachesTheViewerAfterClosed() throws Exception {
        try (FloodingServer server = new FloodingServer()) {
            for (int round = 0; round < 20; round++) {
                List<SessionEvent> events = new CopyOnWriteArrayList<>();
                LiveSession session = TestSessions.defaults().open(events::add);
                session.connect(new ConnectRequest(Protocol.RAW, "127.0.0.1", server.port(), false, false));
                await().atMost(5, TimeUnit.SECONDS).until(() -> events.stream().filter(SessionEvent.Line.class::isInstance)
                        .count() > 50);
                session.disconnect();
                Thread.sleep(100);
                assertThat(events).filteredOn(SessionEvent.Closed.class::isInstance).hasSize(1);
                assertThat(events.getLast()).as("round %d: the last event is closed", round)
                        .isInstanceOf(SessionEvent.Closed.class);
            }
        }
    }

    @Test
    void aConnectRacingTheViewersDepartureLeavesNoConnectionOpen() throws Exception {
        try (FloodingServer server = new FloodingServer()) {
            LiveSessions sessions = TestSessions.defaults();
            for (int round = 0; round < 100; round++) {
                LiveSession session = sessions.open(event -> { });
                CountDownLatch start = new CountDownLatch(1);
                Thread connecting = Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                        session.connect(new ConnectRequest(Protocol.RAW, "127.0.0.1", server.port(), false, false));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread leaving = Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                        sessions.close(session);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                start.countDown();
                connecting.join();
                leaving.join();
            }
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(server.open.get())
                    .as("connections left open out of %d accepted", server.accepted.get()).isZero());
        }
    }

    @Test
    void aConnectArrivingAfterTheViewerLeftOpensNothing() throws Exception {
        try (FloodingServer server = new FloodingServer()) {
            LiveSessions sessions = TestSessions.defaults();
            List<SessionEvent> events = new CopyOnWriteArrayList<>();
            LiveSession session = sessions.open(events::add);
            sessions.close(session);
            session.connect(new ConnectRequest(Protocol.RAW, "127.0.0.1", server.port(), false, false));
            Thread.sleep(500);
            assertThat(server.accepted.get()).as("connections opened for a viewer that was gone").isZero();
            assertThat(events).singleElement().isInstanceOfSatisfying(SessionEvent.Error.class,
                    e -> assertThat(e.code()).isEqualTo("NOT_CONNECTED"));
        }
    }
}

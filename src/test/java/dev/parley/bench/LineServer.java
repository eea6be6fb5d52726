package dev.parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server every benchmark talks to, directly or through a bridge: on 127.0.0.1 only, it greets
 * with {@code 220 bench line server ready} and answers every line {@code L} with {@code 250 L}, so a
 * line's answer names it (the load client counts lost and reordered lines by it). SMTP-shaped on
 * purpose: Parley's {@code smtp} dialect frames, annotates and records each reply, as for a learner.
 * One virtual thread per connection, replies to everything one read brought written at once.
 *
 * <p>Run alone ({@code scripts/bench.sh} does): {@code java ... dev.parley.bench.LineServer [port]}
 * prints {@code LINESERVER port=N} and serves until killed.
 */
public final class LineServer implements AutoCloseable {

    static final String GREETING = "220 bench line server ready\r\n";

    private final ServerSocket server;
    private final AtomicInteger open = new AtomicInteger();

    private LineServer(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().name("line-server-accept").start(this::accept);
    }

    public static LineServer start(int port) throws IOException {
        return new LineServer(new ServerSocket(port, 4096, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections open right now. */
    public int connections() {
        return open.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("line server: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        open.incrementAndGet();
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(GREETING.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buffer = new byte[8192];
            byte[] replies = new byte[8192];
            int kept = 0;
            int n;
            while ((n = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int end = kept + n;
                int lineStart = 0;
                int written = 0;
                for (int i = 0; i < end; i++) {
                    if (buffer[i] == '\n') {
                        int length = i + 1 - lineStart;
                        if (written + length + 4 > replies.length) {
                            out.write(replies, 0, written);
                            written = 0;
                            if (length + 4 > replies.length) {
                                replies = new byte[length + 4];
                            }
                        }
                        replies[written++] = '2';
                        replies[written++] = '5';
                        replies[written++] = '0';
                        replies[written++] = ' ';
                        System.arraycopy(buffer, lineStart, replies, written, length);
                        written += length;
                        lineStart = i + 1;
                    }
                }
                if (written > 0) {
                    out.write(replies, 0, written);
                    out.flush();
                }
                kept = end - lineStart;
                System.arraycopy(buffer, lineStart, buffer, 0, kept);
                if (kept == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer any more.
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    public static void main(String[] args) throws Exception {
        LineServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("LINESERVER port=" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}

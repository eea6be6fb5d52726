package dev.parley.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving server on 127.0.0.1 for failure tests: it accepts one connection and runs a
 * script against it (send a banner, go silent, close mid-answer, flood), like the hostile or
 * broken servers a learner may meet.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server does with the accepted connection. */
    @FunctionalInterface
    public interface Script {
        void run(Socket socket, InputStream in, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public ScriptedServer(Script script) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket socket = server.accept()) {
                script.run(socket, socket.getInputStream(), socket.getOutputStream());
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Waits for the script to finish and rethrows what it threw. */
    public void awaitScript(long seconds) throws Exception {
        done.get(seconds, TimeUnit.SECONDS);
    }

    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one line (up to LF) from the client. */
    public static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.append((char) b);
        }
        return line.toString().strip();
    }

    /** A port on which nothing listens (bound, then released). */
    public static int refusedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

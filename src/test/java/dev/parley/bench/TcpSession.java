package dev.parley.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** The floor: a plain socket to the line server, one virtual thread reading its lines. */
final class TcpSession implements BenchSession {

    private final Socket socket;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();

    private TcpSession(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    static TcpSession open(int port, Answers answers) throws Exception {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        TcpSession session = new TcpSession(socket);
        CompletableFuture<Void> greeted = new CompletableFuture<>();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
        Thread.ofVirtual().name("bench-tcp-reader").start(() -> session.read(in, greeted, answers));
        greeted.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return session;
    }

    private void read(InputStream in, CompletableFuture<Void> greeted, Answers answers) {
        ReplyLines lines = new ReplyLines(greeted, answers);
        try {
            int b;
            while ((b = in.read()) >= 0) {
                // The clock is read only for the LF that ends a line: once per byte would slow the floor.
                lines.accept(b, b == '\n' ? System.nanoTime() : 0);
            }
            if (!socket.isClosed()) {
                answers.failed("the line server closed the connection");
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                answers.failed("reading failed: " + e);
            }
        }
        greeted.completeExceptionally(new IOException("closed before the greeting"));
    }

    @Override
    public void send(String line) throws IOException {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Gone either way.
        }
    }
}

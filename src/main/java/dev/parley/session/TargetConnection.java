package dev.parley.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The socket to one target: connect with a timeout, implicit TLS, in-place STARTTLS upgrade,
 * ordered writes, and an idempotent close that is safe while the reader thread is blocked in read.
 */
final class TargetConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final String host;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Socket socket;
    private volatile InputStream in;
    private volatile OutputStream out;
    private volatile TlsFacts tls;
    private volatile boolean closed;

    private TargetConnection(InetSocketAddress address, String host, Socket socket) throws IOException {
        this.address = address;
        this.host = host;
        use(socket);
    }

    /** Connects to exactly {@code address} (already checked by the target policy). */
    static TargetConnection open(InetSocketAddress address, String host, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(address, (int) timeout.toMillis());
            return new TargetConnection(address, host, socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Runs a TLS handshake on this socket: right after connect (implicit TLS) or after a STARTTLS go-ahead. */
    TlsFacts startTls(TlsClient client, boolean insecure, Duration timeout) throws IOException {
        writeLock.lock();
        try {
            TlsClient.Handshake handshake = client.handshake(socket, host, address.getPort(), insecure, timeout);
            use(handshake.socket());
            tls = handshake.facts();
            return tls;
        } finally {
            writeLock.unlock();
        }
    }

    boolean secure() {
        return tls != null;
    }

    String remote() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** Reads what is available; -1 at end of stream. Throws {@link java.net.SocketTimeoutException} after the read timeout. */
    int read(byte[] buffer) throws IOException {
        return in.read(buffer);
    }

    void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    }

    void write(byte[] bytes) throws IOException {
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort: the socket is gone either way.
        }
    }

    private void use(Socket next) throws IOException {
        this.socket = next;
        this.in = next.getInputStream();
        this.out = next.getOutputStream();
    }
}

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
 * ordered writes, and an idempotent close that is safe while the reader is blocked in a read and
 * the writer in a write.
 */
final class TargetConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final String host;
    /** The TCP socket itself: closing it ends a blocked read, write or handshake at once, TLS or not. */
    private final Socket tcp;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile InputStream in;
    private volatile OutputStream out;
    private volatile TlsFacts tls;
    private volatile boolean closed;

    private TargetConnection(InetSocketAddress address, String host, Socket tcp) throws IOException {
        this.address = address;
        this.host = host;
        this.tcp = tcp;
        this.in = tcp.getInputStream();
        this.out = tcp.getOutputStream();
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

    /**
     * Runs a TLS handshake on this socket: right after connect (implicit TLS) or after a STARTTLS
     * go-ahead. Nothing is being written meanwhile: the session holds client input until it ends.
     */
    TlsFacts startTls(TlsClient client, boolean insecure, Duration timeout) throws IOException {
        writeLock.lock();
        try {
            TlsClient.Handshake handshake = client.handshake(tcp, host, address.getPort(), insecure, timeout);
            in = handshake.socket().getInputStream();
            out = handshake.socket().getOutputStream();
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

    /** Blocks until bytes arrive; -1 at end of stream. A {@link #close()} from another thread ends it with an exception. */
    int read(byte[] buffer) throws IOException {
        return in.read(buffer);
    }

    /** Blocks until the socket took every byte; only ever called by the conversation's {@link TargetWriter}. */
    void write(byte[] bytes) throws IOException {
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Closes the TCP socket under any TLS layer. Closing an {@code SSLSocket} would first try to
     * send close_notify, which waits for a write blocked on a server that stopped reading; closing
     * the socket beneath it ends that write, the reader's read and any handshake at once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            tcp.close();
        } catch (IOException ignored) {
            // Closing is best effort: the socket is gone either way.
        }
    }
}

package dev.parley.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.util.function.Supplier;

/**
 * TLS for a library (Jakarta Mail) that connects to an already-checked IP address: every socket
 * it layers is bound to the name the learner typed, which is sent as SNI and checked against the
 * certificate, with the same trust as live sessions ({@link VerifyingTrustManager}). The address
 * the library passes in is used for the TCP connection only, never for the name check.
 *
 * <p>{@link #createSocket()} returns a plain socket on purpose: Jakarta Mail then connects it
 * and layers TLS over it through {@link #createSocket(Socket, String, int, boolean)}.
 */
final class HostBoundSocketFactory extends SSLSocketFactory {

    private final String host;
    private final Supplier<SSLContext> trust;
    private final Duration connectTimeout;

    HostBoundSocketFactory(String host, Supplier<SSLContext> trust, Duration connectTimeout) {
        this.host = host;
        this.trust = trust;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public Socket createSocket() {
        return new Socket();
    }

    @Override
    public Socket createSocket(Socket plain, String ignoredHost, int port, boolean autoClose) throws IOException {
        SSLContext context = trust.get();
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, autoClose);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setUseClientMode(true);
        return socket;
    }

    @Override
    public Socket createSocket(String address, int port) throws IOException {
        return layered(new InetSocketAddress(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return layered(new InetSocketAddress(address, port));
    }

    @Override
    public Socket createSocket(String address, int port, InetAddress localAddress, int localPort) throws IOException {
        return layered(new InetSocketAddress(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return layered(new InetSocketAddress(address, port));
    }

    private Socket layered(InetSocketAddress address) throws IOException {
        Socket plain = new Socket();
        plain.connect(address, (int) connectTimeout.toMillis());
        return createSocket(plain, host, address.getPort(), true);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return trust.get().getSocketFactory().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return trust.get().getSocketFactory().getSupportedCipherSuites();
    }
}

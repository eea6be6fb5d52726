package dev.parley.matrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target on a loopback address (IPv4 or IPv6) that counts the connections it gets: an SMTP-like
 * server (greets 220, answers 250, and 221 to QUIT) or an HTTP server (200 "ok" to any request).
 * What the policy denies must never reach it; what it allows must.
 */
final class Probe implements AutoCloseable {

    enum Kind { SMTP, HTTP }

    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Kind kind;

    Probe(String loopback, Kind kind) throws IOException {
        this.kind = kind;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(loopback), 0), 50);
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
            switch (kind) {
                case SMTP -> {
                    out.write("220 probe ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        boolean quit = line.strip().equalsIgnoreCase("QUIT");
                        out.write((quit ? "221 bye\r\n" : "250 ok\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (quit) {
                            return;
                        }
                    }
                }
                case HTTP -> {
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request head
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

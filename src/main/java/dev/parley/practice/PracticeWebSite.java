package dev.parley.practice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP/1.1 site for the HTTP walkthrough (the JDK's own server: keep-alive by default).
 * Its pages show each way a body can end: Content-Length ({@code /}, {@code /hello.txt}),
 * chunked ({@code /chunked}), and a binary body Parley summarises ({@code /parley.png}).
 */
final class PracticeWebSite {

    private static final String ROOT = "practice/site/";
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/hello.txt", "hello.txt",
            "/lesson.json", "lesson.json",
            "/parley.png", "parley.png");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "json", "application/json",
            "png", "image/png");

    private final String bind;
    private final int port;
    private HttpServer server;
    private ExecutorService executor;

    PracticeWebSite(String bind, int port) {
        this.bind = bind;
        this.port = port;
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 50);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Server", "Parley-Practice/1");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8",
                        "Only GET and HEAD are served here.\r\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/chunked")) {
                sendChunked(exchange);
                return;
            }
            String file = PAGES.get(path);
            if (file == null) {
                send(exchange, 404, "text/plain; charset=utf-8",
                        ("There is no page at " + path + " on the practice site.\r\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), resource(file));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            // A HEAD answer announces the length of the body it does not send (RFC 9110 §9.3.2).
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Length 0 makes the JDK server use Transfer-Encoding: chunked; each flush ends a chunk. */
    private static void sendChunked(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String part : new String[] {"This body comes in chunks.\r\n", "Each chunk starts with its size in hex,\r\n",
                "and a chunk of size 0 ends the body.\r\n"}) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = PracticeWebSite.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IOException("missing practice page " + file);
            }
            return in.readAllBytes();
        }
    }
}

package dev.parley.library;

import dev.parley.protocol.http.HttpReplies;
import dev.parley.session.TlsClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The HTTP call through {@code java.net.http.HttpClient} (HTTP/1.1, RFC 9112). The client keeps
 * no wire log, so the trace is rebuilt from the request it was given and the response it
 * returned: the request line and the headers the JDK adds (Host, User-Agent), then the status
 * line, the header fields and the body, summarised when it is not text.
 *
 * <p>The client connects to the address the target policy checked, so the URI names that address;
 * everything else is for the name the learner typed, as a browser would do it: the {@code Host}
 * header, the TLS server name (SNI) and the certificate's name check ({@link
 * dev.parley.session.TlsClient#sslContext(String)}). Setting {@code Host} needs
 * {@code jdk.httpclient.allowRestrictedHeaders=host}, which {@link dev.parley.ParleyApplication}
 * sets before anything else runs.
 */
final class HttpCalls {

    /** Body lines shown in the trace at most; the result has the body whole (up to its own limit). */
    static final int MAX_BODY_LINES = 200;
    /** Octets of a body read at most: a hostile server may send an endless one. */
    static final int MAX_BODY_OCTETS = 2 * 1024 * 1024;

    /** The outcome: the result and the rebuilt trace. */
    record Outcome(Map<String, Object> result, List<MailTrace.Line> trace) {
    }

    private HttpCalls() {
    }

    static Snippets.Code code(MailCall call) throws LibraryCallException {
        String path = path(call);
        String scheme = call.tls() ? "https" : "http";
        String java = "HttpClient client = HttpClient.newBuilder()\n"
                + "        .version(HttpClient.Version.HTTP_1_1)\n"
                + "        .build();\n"
                + "HttpRequest request = HttpRequest.newBuilder(URI.create(\"" + scheme + "://" + call.host() + ":"
                + call.port() + path + "\")).GET().build();\n"
                + "HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());\n"
                + "System.out.println(response.statusCode() + \" \" + response.headers().map());\n";
        String python = Snippets.PYTHON_3 + "import http.client\n"
                + "conn = http.client." + (call.tls() ? "HTTPSConnection" : "HTTPConnection") + "("
                + Snippets.py(call.host()) + ", " + call.port() + ")\n"
                + "conn.set_debuglevel(1)   # prints the conversation\n"
                + "conn.request('GET', " + Snippets.py(path) + ")\n"
                + "resp = conn.getresponse()\n"
                + "print(resp.status, resp.reason, resp.getheaders())\n"
                + "body = resp.read()\n";
        return new Snippets.Code(java, python);
    }

    static String path(MailCall call) throws LibraryCallException {
        String path = call.args().get("path").trim();
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new LibraryCallException(LibraryCallException.Kind.BAD_REQUEST,
                    "The path must start with / and contain no spaces or control characters, such as /hello.txt.");
        }
        return path;
    }

    static Outcome run(MailCall call, SSLContext tls) throws IOException, InterruptedException, LibraryCallException {
        String path = path(call);
        URI uri;
        try {
            uri = URI.create((call.tls() ? "https" : "http") + "://" + call.ip() + ":" + call.port() + path);
        } catch (IllegalArgumentException e) {
            throw new LibraryCallException(LibraryCallException.Kind.BAD_REQUEST, "That path is not a valid URI path: "
                    + e.getMessage());
        }
        List<MailTrace.Line> trace = new ArrayList<>();
        trace.add(new MailTrace.Line('C', "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?"
                + uri.getRawQuery()) + " HTTP/1.1"));
        String hostHeader = hostHeader(call);
        trace.add(new MailTrace.Line('C', "Host: " + hostHeader));
        trace.add(new MailTrace.Line('C', "User-Agent: Java-http-client/" + System.getProperty("java.version")));
        trace.add(new MailTrace.Line('C', ""));
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(call.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (call.tls()) {
            builder.sslContext(tls).sslParameters(TlsClient.serverNames(call.host()));
        }
        HttpResponse<InputStream> response;
        byte[] body;
        boolean cut;
        try (HttpClient client = builder.build()) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Host", hostHeader).GET()
                    .timeout(call.readTimeout()).build();
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY_OCTETS);
                cut = in.read() >= 0;
            }
        } catch (IOException e) {
            throw new PartialTrace(e, trace);
        }
        int status = response.statusCode();
        trace.add(new MailTrace.Line('S', "HTTP/1.1 " + status + " " + HttpReplies.reply(status).reason()));
        Map<String, List<String>> headers = response.headers().map();
        headers.forEach((name, values) -> values.forEach(v -> trace.add(new MailTrace.Line('S', name + ": " + v))));
        trace.add(new MailTrace.Line('S', ""));
        String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        boolean text = type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || (type.isEmpty() && body.length == 0);
        if (text) {
            String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n", -1);
            int shown = Math.min(lines.length, MAX_BODY_LINES);
            for (int i = 0; i < shown; i++) {
                if (!(i == lines.length - 1 && lines[i].isEmpty())) {
                    trace.add(new MailTrace.Line('S', lines[i]));
                }
            }
            if (shown < lines.length) {
                trace.add(new MailTrace.Line('S', "<" + (lines.length - shown) + " more lines of the body, not shown>"));
            }
        } else {
            trace.add(new MailTrace.Line('S', "<" + body.length + " octets of " + (type.isEmpty() ? "data" : type)
                    + ", not shown>"));
        }
        if (cut) {
            trace.add(new MailTrace.Line('S', "<the body goes on past " + MAX_BODY_OCTETS + " octets; not read further>"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", status);
        result.put("reason", HttpReplies.reply(status).reason());
        result.put("headers", headers);
        if (text) {
            result.putAll(Texts.of(body));
        } else {
            result.put("octets", body.length);
        }
        result.put("bodyCut", cut);
        return new Outcome(result, trace);
    }

    /** The name the learner typed, with the port unless it is the scheme's own (RFC 9110 §7.2). */
    static String hostHeader(MailCall call) {
        String host = call.host().indexOf(':') >= 0 && !call.host().startsWith("[") ? "[" + call.host() + "]" : call.host();
        int standard = call.tls() ? 443 : 80;
        return call.port() == standard ? host : host + ":" + call.port();
    }

    /** A failed exchange, with the request lines written before it failed. */
    static final class PartialTrace extends IOException {

        private final transient List<MailTrace.Line> trace;

        PartialTrace(IOException cause, List<MailTrace.Line> trace) {
            super(cause.getMessage(), cause);
            this.trace = List.copyOf(trace);
        }

        List<MailTrace.Line> trace() {
            return trace;
        }
    }
}

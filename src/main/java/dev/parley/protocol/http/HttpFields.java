package dev.parley.protocol.http;

import java.util.Locale;
import java.util.Map;

/**
 * What the common header fields mean, for both directions. Field names are case-insensitive
 * (RFC 9110 §5.1), so lookups are too. An open set: a field Parley has no note for still gets a
 * sentence, because a recipient ignores fields it does not recognise (RFC 9110 §5.1).
 */
final class HttpFields {

    /** A field's meaning and where it is defined. */
    record Field(String meaning, String reference) {
    }

    static final Field UNKNOWN = new Field(
            "A header field Parley has no note for; a recipient ignores fields it does not recognise.", "RFC 9110 §5.1");

    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("host", new Field("Which host (and port) the request is for; required in every HTTP/1.1 request,"
                    + " so one server can serve many sites.", "RFC 9110 §7.2")),
            Map.entry("user-agent", new Field("Names the client software making the request.", "RFC 9110 §10.1.5")),
            Map.entry("accept", new Field("The media types the client is willing to receive.", "RFC 9110 §12.5.1")),
            Map.entry("accept-encoding", new Field("The content codings (gzip, br, ...) the client can decode.",
                    "RFC 9110 §12.5.3")),
            Map.entry("accept-language", new Field("The natural languages the client prefers.", "RFC 9110 §12.5.4")),
            Map.entry("connection", new Field("Options for this connection only; `close` means the connection ends after"
                    + " this message.", "RFC 9110 §7.6.1")),
            Map.entry("keep-alive", new Field("Old HTTP/1.0 keep-alive parameters (timeout, max requests).",
                    "RFC 9112 Appendix C.2.2")),
            Map.entry("content-length", new Field("The size of the body in octets; the receiver reads exactly that many.",
                    "RFC 9110 §8.6")),
            Map.entry("content-type", new Field("The media type of the body, such as text/html; charset=utf-8.",
                    "RFC 9110 §8.3")),
            Map.entry("content-encoding", new Field("The body is compressed or encoded (gzip, br, ...); decode it to get"
                    + " the media type.", "RFC 9110 §8.4")),
            Map.entry("transfer-encoding", new Field("How the body is framed on the wire; `chunked` sends it in pieces,"
                    + " each preceded by its size.", "RFC 9112 §6.1")),
            Map.entry("authorization", new Field("Credentials for the server (Basic, Bearer, ...); a secret.",
                    "RFC 9110 §11.6.2")),
            Map.entry("proxy-authorization", new Field("Credentials for a proxy; a secret.", "RFC 9110 §11.7.2")),
            Map.entry("cookie", new Field("Cookies the server set earlier, sent back; often a session secret.",
                    "RFC 6265 §5.4")),
            Map.entry("set-cookie", new Field("Asks the client to store a cookie and send it back in later requests.",
                    "RFC 6265 §4.1")),
            Map.entry("referer", new Field("The page the request came from.", "RFC 9110 §10.1.3")),
            Map.entry("origin", new Field("The origin (scheme, host, port) that caused the request.", "RFC 6454 §7")),
            Map.entry("expect", new Field("`100-continue`: the client waits for 100 Continue before sending the body.",
                    "RFC 9110 §10.1.1")),
            Map.entry("range", new Field("Asks for part of the representation only (answered by 206).",
                    "RFC 9110 §14.2")),
            Map.entry("if-none-match", new Field("Conditional: answer 304 if the entity tag still matches.",
                    "RFC 9110 §13.1.2")),
            Map.entry("if-modified-since", new Field("Conditional: answer 304 if unchanged since that date.",
                    "RFC 9110 §13.1.3")),
            Map.entry("upgrade", new Field("Offers or announces a switch to another protocol (e.g. websocket).",
                    "RFC 9110 §7.8")),
            Map.entry("te", new Field("The transfer codings the client accepts (`trailers`: it can read trailer fields).",
                    "RFC 9110 §10.1.4")),
            Map.entry("date", new Field("When the server produced the message.", "RFC 9110 §6.6.1")),
            Map.entry("server", new Field("Names the server software.", "RFC 9110 §10.2.4")),
            Map.entry("location", new Field("Where to go next: the target of a redirect or of a created resource.",
                    "RFC 9110 §10.2.2")),
            Map.entry("cache-control", new Field("Caching rules for this response (max-age, no-store, ...).",
                    "RFC 9111 §5.2")),
            Map.entry("expires", new Field("When the response becomes stale.", "RFC 9111 §5.3")),
            Map.entry("age", new Field("Seconds the response has spent in caches.", "RFC 9111 §5.1")),
            Map.entry("etag", new Field("An entity tag identifying this version of the resource.", "RFC 9110 §8.8.3")),
            Map.entry("last-modified", new Field("When the resource last changed.", "RFC 9110 §8.8.2")),
            Map.entry("vary", new Field("Which request fields chose this response (matters to caches).",
                    "RFC 9110 §12.5.5")),
            Map.entry("www-authenticate", new Field("How to authenticate: the challenge that goes with 401.",
                    "RFC 9110 §11.6.1")),
            Map.entry("retry-after", new Field("How long to wait before trying again (with 503 or 429).",
                    "RFC 9110 §10.2.3")),
            Map.entry("allow", new Field("The methods the resource supports (with 405).", "RFC 9110 §10.2.1")),
            Map.entry("accept-ranges", new Field("Whether the server accepts Range requests (`bytes`) or not (`none`).",
                    "RFC 9110 §14.3")),
            Map.entry("content-range", new Field("Which part of the whole a 206 body is.", "RFC 9110 §14.4")),
            Map.entry("trailer", new Field("Names the fields that will follow a chunked body as trailers.",
                    "RFC 9110 §6.6.2")),
            Map.entry("strict-transport-security", new Field("Use only HTTPS for this host from now on (HSTS).",
                    "RFC 6797 §6.1")),
            Map.entry("access-control-allow-origin", new Field("Which origins a browser may let read this response (CORS).",
                    "Fetch Standard §3.2.3")));

    private HttpFields() {
    }

    static Field lookup(String name) {
        return FIELDS.getOrDefault(name.trim().toLowerCase(Locale.ROOT), UNKNOWN);
    }
}

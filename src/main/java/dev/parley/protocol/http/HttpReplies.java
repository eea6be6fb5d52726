package dev.parley.protocol.http;

import dev.parley.protocol.Status;
import java.util.Map;

/**
 * HTTP status codes (RFC 9110 §15) and response header fields, with their meanings. Codes Parley
 * has no note for get the meaning of their class (the first digit), as RFC 9110 §15 tells a
 * client to treat them.
 */
public final class HttpReplies {

    /** A status code's standard reason phrase, meaning and section. */
    public record Reply(int code, String reason, String meaning, String reference) {
    }

    private static final Map<Integer, Reply> REPLIES = Map.ofEntries(
            entry(100, "Continue", "Interim: go on sending the request body; the real response follows.", "15.2.1"),
            entry(101, "Switching Protocols", "The connection now speaks the protocol named in Upgrade; HTTP ends here.",
                    "15.2.2"),
            entry(200, "OK", "The request succeeded; the body carries the result.", "15.3.1"),
            entry(201, "Created", "A new resource was created; Location says where.", "15.3.2"),
            entry(204, "No Content", "Success, and there is no body to send.", "15.3.5"),
            entry(206, "Partial Content", "Here is the part of the resource the Range asked for.", "15.3.7"),
            entry(301, "Moved Permanently", "The resource has a new permanent URI, given in Location.", "15.4.2"),
            entry(302, "Found", "The resource is temporarily at the URI in Location.", "15.4.3"),
            entry(303, "See Other", "Look at the URI in Location with a GET for the result.", "15.4.4"),
            entry(304, "Not Modified", "Your cached copy is still good; no body is sent.", "15.4.5"),
            entry(307, "Temporary Redirect", "Repeat the same request (same method) at the URI in Location.", "15.4.8"),
            entry(308, "Permanent Redirect", "Repeat the same request at the URI in Location, from now on.", "15.4.9"),
            entry(400, "Bad Request", "The server could not understand the request (a syntax error, a missing Host).",
                    "15.5.1"),
            entry(401, "Unauthorized", "Authentication is needed; WWW-Authenticate says how.", "15.5.2"),
            entry(403, "Forbidden", "The server understood the request and refuses it.", "15.5.4"),
            entry(404, "Not Found", "The server has nothing at this target.", "15.5.5"),
            entry(405, "Method Not Allowed", "The target does not support this method; Allow lists those it does.",
                    "15.5.6"),
            entry(408, "Request Timeout", "The server gave up waiting for the complete request.", "15.5.9"),
            entry(409, "Conflict", "The request conflicts with the resource's current state.", "15.5.10"),
            entry(410, "Gone", "The resource was here and is gone for good.", "15.5.11"),
            entry(411, "Length Required", "A body was sent without Content-Length, and the server wants one.",
                    "15.5.12"),
            entry(413, "Content Too Large", "The request body is larger than the server will take.", "15.5.14"),
            entry(414, "URI Too Long", "The target in the request line is longer than the server will read.",
                    "15.5.15"),
            entry(415, "Unsupported Media Type", "The server does not accept the body's Content-Type.", "15.5.16"),
            entry(418, "I'm a teapot", "An April Fools' joke (RFC 2324): the server refuses to brew coffee."
                    + " RFC 9110 keeps the code reserved.", "15.5.19"),
            entry(426, "Upgrade Required", "The server will answer only after a switch to the protocol in Upgrade.",
                    "15.5.22"),
            entry(new Reply(429, "Too Many Requests", "Slow down: too many requests in a given time; see Retry-After.",
                    "RFC 6585 §4")),
            entry(500, "Internal Server Error", "The server failed while handling the request.", "15.6.1"),
            entry(501, "Not Implemented", "The server does not support the method.", "15.6.2"),
            entry(502, "Bad Gateway", "A gateway or proxy got a bad answer from the server behind it.", "15.6.3"),
            entry(503, "Service Unavailable", "The server is overloaded or down for maintenance; try later.",
                    "15.6.4"),
            entry(504, "Gateway Timeout", "A gateway or proxy waited too long for the server behind it.", "15.6.5"),
            entry(505, "HTTP Version Not Supported", "The server does not speak the HTTP version of the request.",
                    "15.6.6"));

    private HttpReplies() {
    }

    /** The meaning of a status code; unknown codes get the meaning of their class. */
    public static Reply reply(int code) {
        Reply known = REPLIES.get(code);
        if (known != null) {
            return known;
        }
        return switch (code / 100) {
            case 1 -> new Reply(code, "", "Informational (1xx): an interim response; the final one follows.",
                    "RFC 9110 §15.2");
            case 2 -> new Reply(code, "", "Successful (2xx): the request was received, understood and accepted.",
                    "RFC 9110 §15.3");
            case 3 -> new Reply(code, "", "Redirection (3xx): the client must do more to complete the request.",
                    "RFC 9110 §15.4");
            case 4 -> new Reply(code, "", "Client error (4xx): the request is wrong or cannot be fulfilled.",
                    "RFC 9110 §15.5");
            case 5 -> new Reply(code, "", "Server error (5xx): the server failed on an apparently valid request.",
                    "RFC 9110 §15.6");
            default -> new Reply(code, "", "Not a status code: HTTP codes run from 100 to 599.", "RFC 9110 §15");
        };
    }

    /** How a final response with this code turns out: 2xx/3xx OK, everything else ERROR. */
    public static Status status(int code) {
        return code >= 200 && code < 400 ? Status.OK : Status.ERROR;
    }

    /** The meaning of a response header field, by name (case-insensitive). */
    public static String headerMeaning(String name) {
        return HttpFields.lookup(name).meaning();
    }

    static HttpFields.Field header(String name) {
        return HttpFields.lookup(name);
    }

    private static Map.Entry<Integer, Reply> entry(int code, String reason, String meaning, String section) {
        return Map.entry(code, new Reply(code, reason, meaning, "RFC 9110 §" + section));
    }

    private static Map.Entry<Integer, Reply> entry(Reply reply) {
        return Map.entry(reply.code(), reply);
    }
}

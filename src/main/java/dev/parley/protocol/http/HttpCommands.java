package dev.parley.protocol.http;

import java.util.Locale;
import java.util.Map;

/**
 * The request methods of HTTP (RFC 9110 §9) and the request header fields, with their meanings.
 * An open set, like Netty's {@code HttpMethod}: an unknown method still passes, with a sentence
 * saying so. Methods are case-sensitive (RFC 9110 §9.1), so {@code get} is not {@code GET}.
 */
public final class HttpCommands {

    /** A method's meaning and where it is defined. */
    public record Method(String name, String meaning, String reference) {
    }

    private static final Map<String, Method> METHODS = Map.of(
            "GET", new Method("GET", "Asks for the target resource; the answer carries it in its body.",
                    "RFC 9110 §9.3.1"),
            "HEAD", new Method("HEAD", "Like GET, but the answer has the header section only, never a body.",
                    "RFC 9110 §9.3.2"),
            "POST", new Method("POST", "Sends the request body for the target resource to process.",
                    "RFC 9110 §9.3.3"),
            "PUT", new Method("PUT", "Replaces the target resource with the request body.", "RFC 9110 §9.3.4"),
            "DELETE", new Method("DELETE", "Asks the server to remove the target resource.", "RFC 9110 §9.3.5"),
            "CONNECT", new Method("CONNECT", "Asks a proxy to open a tunnel to the target host:port.",
                    "RFC 9110 §9.3.6"),
            "OPTIONS", new Method("OPTIONS", "Asks which options (methods, features) the target supports.",
                    "RFC 9110 §9.3.7"),
            "TRACE", new Method("TRACE", "Asks the server to echo the request back, for debugging.",
                    "RFC 9110 §9.3.8"),
            "PATCH", new Method("PATCH", "Applies the partial change in the request body to the target resource.",
                    "RFC 5789 §2"));

    private HttpCommands() {
    }

    /** The meaning of a method as typed; unknown or wrongly cased methods get a sentence saying so. */
    public static Method method(String name) {
        Method known = METHODS.get(name);
        if (known != null) {
            return known;
        }
        Method upper = METHODS.get(name.toUpperCase(Locale.ROOT));
        if (upper != null) {
            return new Method(name, "Methods are case-sensitive: `" + name + "` is not " + upper.name()
                    + "; expect 400 or 501.", "RFC 9110 §9.1");
        }
        return new Method(name, "Not a method HTTP defines; sent as typed. A server that does not know it answers"
                + " 501 Not Implemented.", "RFC 9110 §9.1");
    }

    /** The meaning of a request header field, by name (case-insensitive). */
    public static String headerMeaning(String name) {
        return HttpFields.lookup(name).meaning();
    }

    static HttpFields.Field header(String name) {
        return HttpFields.lookup(name);
    }
}

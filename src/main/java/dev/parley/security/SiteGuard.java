package dev.parley.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No cross-site use of Parley, in either mode (issue #9), first of all filters:
 * <ul>
 * <li><b>Host</b> must be one of the names Parley answers to ({@link SiteProperties}), else 421:
 *     DNS rebinding gives an attacker's page this machine's address under the attacker's name,
 *     and the browser then calls that same-origin.</li>
 * <li>An <b>Origin</b> that is not an origin at all ({@code http://127.0.0.1:8080.evil.example})
 *     gets 403 (it used to reach Spring's parser and end as a 500 with a stack trace).</li>
 * <li>Anything that changes state — every method but GET, HEAD and OPTIONS, and every WebSocket
 *     handshake — from a browser must come from Parley's own pages: a present {@code Origin} must
 *     be this very origin, and a present {@code Sec-Fetch-Site} must say {@code same-origin} (or
 *     {@code none}: typed by the user). A form or a {@code fetch(…, {mode: 'no-cors'})} on another
 *     site carries its own origin, so it is refused before it can run a replay or import anything.
 *     A request with neither header comes from a script or a load tool, not a page: it passes.</li>
 * </ul>
 */
@Component
class SiteGuard extends OncePerRequestFilter implements Ordered {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> names;

    SiteGuard(SiteProperties site) {
        Set<String> all = new LinkedHashSet<>(LOOPBACK);
        site.hosts().forEach(host -> all.add(normal(host)));
        this.names = Set.copyOf(all);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = normal(request.getServerName());
        if (!names.contains(host)) {
            ProblemResponses.write(response, 421, "Misdirected Request", "This Parley answers to " + String.join(", ",
                    names) + ", not to “" + cut(request.getServerName()) + "”. If this is its name, add it to"
                    + " parley.site.hosts.");
            return;
        }
        String origin = request.getHeader("Origin");
        URI parsed = origin == null ? null : origin(origin);
        if (origin != null && parsed == null && !"null".equals(origin)) {
            forbid(response, "The request's Origin header is not an origin (scheme://host[:port]).");
            return;
        }
        if (changesState(request)) {
            if (origin != null && (parsed == null || !sameOrigin(parsed, request)) && !ownForm(origin, request)) {
                forbid(response, "Parley takes this only from its own pages, not from a page on " + cut(origin) + ".");
                return;
            }
            String site = request.getHeader("Sec-Fetch-Site");
            if (site != null && !site.equals("same-origin") && !site.equals("none")) {
                forbid(response, "Parley takes this only from its own pages (Sec-Fetch-Site: " + cut(site) + ").");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A form on Parley's own page (the instructor's login, log out) is sent with {@code Origin: null}:
     * the pages' {@code Referrer-Policy} is {@code no-referrer}, and a form is not a CORS request
     * (Fetch Standard, "serializing a request origin"). The browser's own {@code Sec-Fetch-Site},
     * which no page can set, tells it apart from a sandboxed or opaque page elsewhere.
     */
    private static boolean ownForm(String origin, HttpServletRequest request) {
        return "null".equals(origin) && "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
    }

    private static boolean changesState(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    private static boolean sameOrigin(URI origin, HttpServletRequest request) {
        int port = origin.getPort() != -1 ? origin.getPort() : "https".equals(origin.getScheme()) ? 443 : 80;
        return origin.getScheme().equals(request.getScheme()) && normal(origin.getHost()).equals(normal(request.getServerName()))
                && port == request.getServerPort();
    }

    /** A serialised origin (RFC 6454 §7): scheme, host and maybe a port, nothing else; null when it is not one. */
    private static URI origin(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare
                    && uri.getPort() <= 65535) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // not an origin
        }
        return null;
    }

    private static String normal(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static void forbid(HttpServletResponse response, String detail) throws IOException {
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
    }

    private static String cut(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}

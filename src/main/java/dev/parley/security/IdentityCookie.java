package dev.parley.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * The identity cookie: a random 128-bit token, HttpOnly (no script reads it), SameSite=Lax (no
 * other site's POST carries it), Secure when the page came over HTTPS. What is stored anywhere is
 * its SHA-256 hash, never the token: a database dump gives no one a way in.
 */
public final class IdentityCookie {

    public static final String NAME = "parley_id";
    static final Duration LIFETIME = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private IdentityCookie() {
    }

    /** A new token: 128 random bits, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    /** The token the request carries, if it looks like one. */
    public static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[A-Za-z0-9_-]{22}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The token's hash, as stored: 22 URL-safe characters. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return BASE64.encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    public static void set(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", ResponseCookie.from(NAME, token).httpOnly(true).sameSite("Lax").path("/")
                .secure(request.isSecure()).maxAge(LIFETIME).build().toString());
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", ResponseCookie.from(NAME, "").httpOnly(true).sameSite("Lax").path("/")
                .secure(request.isSecure()).maxAge(Duration.ZERO).build().toString());
    }
}

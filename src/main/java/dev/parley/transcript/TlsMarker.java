package dev.parley.transcript;

/**
 * The facts of one TLS handshake, as a transcript writes them on a {@code # tls:} line:
 * {@code implicit TLSv1.3 TLS_AES_256_GCM_SHA384 verified CN=localhost}.
 *
 * @param mode     {@code implicit} (TLS from the first byte) or {@code starttls} (upgraded in place)
 * @param verified whether the certificate chain and host name checked out
 * @param peer     the certificate's subject; may be null
 */
public record TlsMarker(String mode, String protocol, String cipher, boolean verified, String peer) {

    public static TlsMarker parse(String text) {
        String[] words = text.strip().split(" ", 5);
        return new TlsMarker(word(words, 0), word(words, 1), word(words, 2), "verified".equals(word(words, 3)),
                word(words, 4));
    }

    private static String word(String[] words, int i) {
        return i < words.length && !words[i].isEmpty() ? words[i] : null;
    }

    @Override
    public String toString() {
        return String.join(" ", nonNull(mode), nonNull(protocol), nonNull(cipher), verified ? "verified" : "unverified")
                + (peer == null || peer.isBlank() ? "" : " " + peer);
    }

    private static String nonNull(String s) {
        return s == null || s.isBlank() ? "-" : s.replace(' ', '_');
    }
}

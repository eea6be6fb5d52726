package dev.parley.session;

/**
 * What a finished TLS handshake established, for the learner's padlock.
 *
 * @param verified whether the server's certificate chain (and host name) checked out
 * @param trust    how it was checked, or why it failed, in a sentence
 */
public record TlsFacts(String protocol, String cipher, String subject, String issuer, String notAfter,
        boolean verified, String trust) {
}

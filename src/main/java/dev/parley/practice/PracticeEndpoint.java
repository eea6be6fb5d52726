package dev.parley.practice;

/**
 * One running practice service, as the page offers it as a preset.
 *
 * @param protocol protocol id ({@code smtp}, {@code pop3}, {@code imap}, {@code http})
 * @param tls      {@code none} or {@code implicit}
 */
public record PracticeEndpoint(String protocol, String host, int port, String tls, String label) {
}

package dev.parley.practice;

import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;

/**
 * The practice servers write a multi-line answer a line at a time (GreenMail flushes each line).
 * With Nagle's algorithm on (RFC 896), the second line waits on the server until the first is
 * acknowledged, and the client's TCP delays that acknowledgement (by up to 40 ms on Linux): an
 * {@code EHLO} answer took 45 ms instead of 2 in the workshop load run. So every accepted socket
 * sends at once (TCP_NODELAY), as mail servers such as Postfix and Dovecot do.
 */
final class AnswerAtOnce {

    private AnswerAtOnce() {
    }

    static Socket of(Socket accepted) {
        try {
            accepted.setTcpNoDelay(true);
        } catch (SocketException e) {
            throw new UncheckedIOException("Could not switch off Nagle's algorithm on a practice connection", e);
        }
        return accepted;
    }
}

package dev.parley.library;

import dev.parley.protocol.Protocol;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * One library call's own world: its {@link Session}, whose debug output (the wire trace) goes to
 * a buffer of this call only — never {@code System.out}, never a stream shared with another call —
 * and the checked address the library must connect to.
 *
 * @param host      the name the learner typed: used for TLS (SNI, certificate) and in the code shown
 * @param address   the address the target policy checked: the only one the library connects to
 * @param tlsSocket for implicit TLS, the factory bound to {@code host}; null for plain connections
 */
record MailCall(Protocol protocol, String host, InetSocketAddress address, boolean tls, String username,
        String password, Args args, Duration connectTimeout, Duration readTimeout, SSLSocketFactory tlsSocket,
        Debug debug) {

    /** The most debug output kept per call; a bigger message is cut in the trace, not in the result. */
    static final int MAX_DEBUG_OCTETS = 2 * 1024 * 1024;

    /** The captured debug output of one call, bounded. */
    static final class Debug extends ByteArrayOutputStream {

        private boolean cut;

        @Override
        public synchronized void write(int b) {
            if (count < MAX_DEBUG_OCTETS) {
                super.write(b);
            } else {
                cut = true;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, MAX_DEBUG_OCTETS - count);
            if (len > room) {
                cut = true;
            }
            super.write(b, off, Math.min(len, room));
        }

        synchronized byte[] bytes() {
            return toByteArray();
        }

        synchronized boolean cut() {
            return cut;
        }
    }

    /** The IP literal of the checked address, as Jakarta Mail's {@code mail.*.host} and URIs want it. */
    String ip() {
        String literal = address.getAddress().getHostAddress();
        return address.getAddress() instanceof Inet6Address ? "[" + literal + "]" : literal;
    }

    int port() {
        return address.getPort();
    }

    /**
     * A fresh Jakarta Mail session for this call: connects to the checked address, with timeouts,
     * TLS bound to the learner's host name, and debug output (including {@code mail.debug.auth},
     * whose secrets {@link Redaction} masks) captured into this call's buffer.
     */
    Session session() {
        String p = "mail." + protocol.id();
        Properties props = new Properties();
        props.put(p + ".host", address.getAddress().getHostAddress());
        props.put(p + ".port", Integer.toString(port()));
        props.put(p + ".connectiontimeout", Long.toString(connectTimeout.toMillis()));
        props.put(p + ".timeout", Long.toString(readTimeout.toMillis()));
        props.put("mail.debug.auth", "true");
        if (tls) {
            props.put(p + ".ssl.enable", "true");
            props.put(p + ".ssl.socketFactory", tlsSocket);
            // The factory checks the certificate against the name the learner typed; Jakarta Mail
            // would check it against the IP literal it was given, which certificates rarely name.
            props.put(p + ".ssl.checkserveridentity", "false");
        }
        if (protocol == Protocol.SMTP && username != null && !username.isBlank()) {
            props.put("mail.smtp.auth", "true");
        }
        Session session = Session.getInstance(props);
        session.setDebugOut(new PrintStream(debug, true, StandardCharsets.UTF_8));
        session.setDebug(true);
        return session;
    }

    @Override
    public String toString() {
        return "MailCall[" + protocol.id() + " " + host + " " + address + "]";
    }
}

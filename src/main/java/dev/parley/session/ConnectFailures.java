package dev.parley.session;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;

/** Turns connection failures into sentences a learner can act on. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static String explain(IOException e, ConnectRequest request, SessionLimits limits) {
        String where = request.host() + ":" + request.port();
        return switch (e) {
            case UnknownHostException u -> "The host name “" + request.host() + "” could not be found. Check its spelling.";
            case ConnectException c when String.valueOf(c.getMessage()).contains("refused") ->
                    "Nothing is listening on " + where + " (connection refused). Check the host and the port number.";
            case SocketTimeoutException t -> Durations.sentence("No answer from " + where
                    + " within %s: the host may be down, or a firewall drops the connection.", limits.connectTimeout());
            case NoRouteToHostException n -> "There is no network route to " + where + ".";
            default -> "Could not connect to " + where + ": " + e.getMessage();
        };
    }

    static String explainTls(IOException e, ConnectRequest request) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SSLHandshakeException && detail.contains("PKIX")) {
            return "The TLS handshake with " + request.host() + " failed: its certificate is not signed by an authority "
                    + "Parley trusts. A test server with a self-signed certificate needs the “accept any certificate” "
                    + "option.";
        }
        if (e instanceof SSLHandshakeException && detail.toLowerCase(java.util.Locale.ROOT).contains("subject alternative")) {
            return "The TLS handshake with " + request.host() + " failed: the certificate is for another name ("
                    + detail + ").";
        }
        if (e instanceof SocketTimeoutException) {
            return "The TLS handshake with " + request.host() + " timed out: is this port really speaking TLS?";
        }
        return "The TLS handshake with " + request.host() + " failed: " + detail
                + ". Is this port really speaking TLS (or, for STARTTLS, plain text first)?";
    }
}

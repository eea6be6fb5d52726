package dev.parley.library;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** Turns what a library threw into a sentence for the learner and the kind of failure. */
final class Failures {

    private Failures() {
    }

    static LibraryCallException explain(Throwable e, MailCall call) {
        String where = call.host() + ":" + call.port();
        Throwable root = rootCause(e);
        if (e instanceof AuthenticationFailedException) {
            return refused("The server refused the user name or password"
                    + serverSays(e.getMessage()) + " Check them and try again.");
        }
        if (e instanceof FolderNotFoundException f) {
            return refused("There is no folder “" + (f.getFolder() == null ? "?" : f.getFolder().getFullName())
                    + "” on this server. List the folders to see their names.");
        }
        if (e instanceof SendFailedException send) {
            return refused("The server did not accept the message" + serverSays(nextMessage(send)));
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Texts.TooBig tooBig) {
                return refused(tooBig.getMessage());
            }
        }
        if (timedOut(e)) {
            // Angus Mail reports a read timeout as a synthetic "* BYE" response, keeping only its text.
            return timeout(call, "answer from " + where);
        }
        return switch (root) {
            case UnknownHostException u -> new LibraryCallException(LibraryCallException.Kind.CONNECT_FAILED,
                    "The host name “" + call.host() + "” could not be found. Check its spelling.");
            case ConnectException c -> new LibraryCallException(LibraryCallException.Kind.CONNECT_FAILED,
                    "Nothing is listening on " + where + " (connection refused). Check the host and the port number.");
            case HttpConnectTimeoutException t -> timeout(call, "connect to " + where);
            case SocketTimeoutException t -> timeout(call, "answer from " + where);
            case HttpTimeoutException t -> timeout(call, "answer from " + where);
            case NoRouteToHostException n -> new LibraryCallException(LibraryCallException.Kind.CONNECT_FAILED,
                    "There is no network route to " + where + ".");
            case SSLException s -> new LibraryCallException(LibraryCallException.Kind.CONNECT_FAILED,
                    "The TLS handshake with " + call.host() + " failed: " + s.getMessage()
                            + ". Is this port really speaking TLS, and is its certificate for this name?");
            case IOException io -> new LibraryCallException(LibraryCallException.Kind.CONNECT_FAILED,
                    "The connection to " + where + " failed: " + io.getMessage());
            default -> e instanceof MessagingException
                    ? refused("The call failed: " + e.getMessage())
                    : new LibraryCallException(LibraryCallException.Kind.CONNECT_FAILED, "The call failed: " + e);
        };
    }

    private static LibraryCallException timeout(MailCall call, String what) {
        return new LibraryCallException(LibraryCallException.Kind.TIMEOUT, "No " + what + " within "
                + seconds(what.startsWith("connect") ? call.connectTimeout() : call.readTimeout())
                + ": the server may be busy or not speaking this protocol on this port.");
    }

    private static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + (ms == 1000 ? " second" : " seconds") : ms + " ms";
    }

    private static LibraryCallException refused(String message) {
        return new LibraryCallException(LibraryCallException.Kind.REFUSED, message);
    }

    private static String serverSays(String message) {
        return message == null || message.isBlank() ? "." : ". The server said: " + message.trim();
    }

    private static String nextMessage(MessagingException e) {
        Exception next = e.getNextException();
        return next != null && next.getMessage() != null ? next.getMessage() : e.getMessage();
    }

    private static boolean timedOut(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof SocketTimeoutException || String.valueOf(t.getMessage()).contains("SocketTimeoutException")) {
                return true;
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return false;
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 10; depth++) {
            Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                    : t.getCause();
            if (next == null || next == t) {
                return t;
            }
            t = next;
        }
        return t;
    }
}

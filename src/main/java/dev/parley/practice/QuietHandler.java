package dev.parley.practice;

import com.icegreen.greenmail.server.ProtocolHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one GreenMail connection. GreenMail throws out of its handler's {@code run()} when a client
 * leaves in the middle of a command (a learner closing the tab during {@code DATA}), and the
 * thread then prints a stack trace whose message holds the half-written mail. For a practice
 * server that is a learner's ordinary exit: it is logged at DEBUG, by protocol only, never with
 * the exception's text (which may quote what the learner wrote).
 */
final class QuietHandler implements ProtocolHandler {

    private static final Logger log = LoggerFactory.getLogger(QuietHandler.class);

    private final String protocol;
    private final ProtocolHandler handler;

    QuietHandler(String protocol, ProtocolHandler handler) {
        this.protocol = protocol;
        this.handler = handler;
    }

    @Override
    public void run() {
        try {
            handler.run();
        } catch (RuntimeException e) {
            log.debug("A practice {} client left in the middle of a command ({})", protocol, e.getClass().getSimpleName());
            handler.close();
        }
    }

    @Override
    public void close() {
        handler.close();
    }
}

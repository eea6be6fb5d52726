package dev.parley.practice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the practice mail and web servers with the application (unless
 * {@code parley.practice.enabled=false}) and says where they listen.
 */
@Component
public class PracticeServers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PracticeServers.class);

    private final PracticeProperties properties;
    private PracticeMailServer mail;
    private PracticeWebSite web;
    private volatile boolean running;

    PracticeServers(PracticeProperties properties) {
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || running) {
            return;
        }
        mail = new PracticeMailServer(properties);
        mail.start();
        web = new PracticeWebSite(properties.bind(), properties.httpPort());
        try {
            web.start();
        } catch (IOException e) {
            mail.stop();
            throw new UncheckedIOException("The practice web site cannot listen on port " + properties.httpPort(), e);
        }
        running = true;
        endpoints().forEach(e -> log.info("Practice {} on {}:{} (tls {})", e.protocol(), e.host(), e.port(), e.tls()));
    }

    @Override
    public synchronized void stop() {
        if (web != null) {
            web.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Where each practice service listens; empty when they are switched off. */
    public List<PracticeEndpoint> endpoints() {
        if (!running) {
            return List.of();
        }
        List<PracticeEndpoint> endpoints = new ArrayList<>(mail.endpoints(properties.host()));
        endpoints.add(new PracticeEndpoint("http", properties.host(), web.port(), "none", "Practice web site"));
        return endpoints;
    }

    /**
     * The practice servers learners use: this instance's when it runs them, else — with
     * {@code parley.practice.external} — the ones another instance of the cluster runs, at
     * {@code parley.practice.host} and the configured ports; else none.
     */
    public List<PracticeEndpoint> reachable() {
        List<PracticeEndpoint> here = endpoints();
        if (!here.isEmpty() || !properties.external()) {
            return here;
        }
        String host = properties.host();
        return List.of(
                new PracticeEndpoint("smtp", host, properties.smtpPort(), "none", "Practice SMTP"),
                new PracticeEndpoint("smtp", host, properties.smtpsPort(), "implicit", "Practice SMTPS (TLS)"),
                new PracticeEndpoint("pop3", host, properties.pop3Port(), "none", "Practice POP3"),
                new PracticeEndpoint("pop3", host, properties.pop3sPort(), "implicit", "Practice POP3S (TLS)"),
                new PracticeEndpoint("imap", host, properties.imapPort(), "none", "Practice IMAP"),
                new PracticeEndpoint("imap", host, properties.imapsPort(), "implicit", "Practice IMAPS (TLS)"),
                new PracticeEndpoint("http", host, properties.httpPort(), "none", "Practice web site"));
    }

    /** The endpoint for a protocol and TLS mode, if running. */
    public PracticeEndpoint endpoint(String protocol, String tls) {
        return endpoints().stream()
                .filter(e -> e.protocol().equals(protocol) && e.tls().equals(tls))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No practice " + protocol + " (" + tls + ") is running"));
    }

    /** How many messages a workshop attendee's mailbox holds when it is made or reset: the lesson's. */
    public static int attendeeSeedMessages() {
        return PracticeMail.lessonFor("attendee@localhost").size();
    }

    /** Puts every practice mailbox back as the lesson starts. */
    public void reseed() {
        if (running) {
            mail.reseed();
        }
    }

    /**
     * A practice mailbox of its own for a workshop attendee ({@code login@localhost}, logging in as
     * {@code login}), holding the lesson's messages; adding it again empties and refills it.
     * Nothing happens when the practice servers are switched off.
     */
    public void addMailbox(String login, String password) {
        if (running) {
            mail.addMailbox(login, password);
        }
    }

    /** Removes an attendee's mailbox: logins fail and mail to it is refused with 550 again. */
    public void removeMailbox(String login) {
        if (running) {
            mail.removeMailbox(login);
        }
    }

    /** A mailbox after a reset: its owner's login and address, and how many messages it holds. */
    public record Mailbox(String user, String address, int messages) {
    }

    /**
     * Puts every practice mailbox back as the lesson starts and says what each now holds; empty
     * when the practice servers are switched off.
     */
    public List<Mailbox> reset() {
        if (!running) {
            return List.of();
        }
        mail.reseed();
        log.info("The practice mailboxes were reset to the lesson's messages");
        return mail.mailboxes();
    }
}

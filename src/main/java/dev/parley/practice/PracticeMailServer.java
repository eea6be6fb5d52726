package dev.parley.practice;

import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.List;

/** GreenMail's SMTP, POP3 and IMAP services (plain and implicit TLS), seeded as in the lesson. */
final class PracticeMailServer {

    private static final long STARTUP_TIMEOUT_MILLIS = 20_000;

    private final PracticeProperties properties;
    private PracticeGreenMail greenMail;

    PracticeMailServer(PracticeProperties properties) {
        this.properties = properties;
    }

    void start() {
        greenMail = new PracticeGreenMail(new ServerSetup[] {
            setup(properties.smtpPort(), ServerSetup.PROTOCOL_SMTP),
            setup(properties.smtpsPort(), ServerSetup.PROTOCOL_SMTPS),
            setup(properties.pop3Port(), ServerSetup.PROTOCOL_POP3),
            setup(properties.pop3sPort(), ServerSetup.PROTOCOL_POP3S),
            setup(properties.imapPort(), ServerSetup.PROTOCOL_IMAP),
            setup(properties.imapsPort(), ServerSetup.PROTOCOL_IMAPS)});
        greenMail.start();
        seed();
    }

    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Puts every mailbox back as the lesson starts (messages deleted or sent by learners are gone). */
    void reseed() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("The practice mailboxes cannot be emptied", e);
        }
        seed();
    }

    List<PracticeEndpoint> endpoints(String host) {
        List<PracticeEndpoint> endpoints = new ArrayList<>();
        endpoints.add(endpoint("smtp", host, greenMail.getSmtp(), "none", "Practice SMTP"));
        endpoints.add(endpoint("smtp", host, greenMail.getSmtps(), "implicit", "Practice SMTPS (TLS)"));
        endpoints.add(endpoint("pop3", host, greenMail.getPop3(), "none", "Practice POP3"));
        endpoints.add(endpoint("pop3", host, greenMail.getPop3s(), "implicit", "Practice POP3S (TLS)"));
        endpoints.add(endpoint("imap", host, greenMail.getImap(), "none", "Practice IMAP"));
        endpoints.add(endpoint("imap", host, greenMail.getImaps(), "implicit", "Practice IMAPS (TLS)"));
        return endpoints;
    }

    private static PracticeEndpoint endpoint(String protocol, String host, AbstractServer server, String tls,
            String label) {
        return new PracticeEndpoint(protocol, host, server.getPort(), tls, label);
    }

    private void seed() {
        for (PracticeUser user : PracticeUser.ALL) {
            greenMail.setUser(user.address(), user.login(), user.password());
        }
        for (PracticeMail.Seed seed : PracticeMail.seeds()) {
            GreenMailUser user = greenMail.getUserManager().getUser(seed.login());
            user.deliver(seed.message());
        }
    }

    private ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, properties.bind(), protocol);
        setup = port == 0 ? setup.dynamicPort() : setup;
        // GreenMail's default (2 s) is too short on a busy two-core machine while Maven compiles.
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return setup;
    }
}

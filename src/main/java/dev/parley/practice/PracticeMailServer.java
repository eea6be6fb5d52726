package dev.parley.practice;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
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
            setup(properties.imapsPort(), ServerSetup.PROTOCOL_IMAPS)}, properties.host());
        greenMail.start();
        seed();
    }

    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Puts every mailbox back as the lesson starts (messages deleted or sent by learners are gone). */
    synchronized void reseed() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("The practice mailboxes cannot be emptied", e);
        }
        seed();
    }

    /** Every practice user's mailbox and the number of messages in its INBOX. */
    synchronized List<PracticeServers.Mailbox> mailboxes() {
        List<PracticeServers.Mailbox> boxes = new ArrayList<>();
        for (PracticeUser user : PracticeUser.ALL) {
            GreenMailUser owner = greenMail.getUserManager().getUser(user.login());
            int count;
            try {
                count = greenMail.getManagers().getImapHostManager().getInbox(owner).getMessageCount();
            } catch (FolderException e) {
                count = 0;
            }
            boxes.add(new PracticeServers.Mailbox(user.login(), user.address(), count));
        }
        return boxes;
    }

    List<PracticeEndpoint> endpoints(String host) {
        List<PracticeEndpoint> endpoints = new ArrayList<>();
        endpoints.add(endpoint("smtp", host, ServerSetup.PROTOCOL_SMTP, "none", "Practice SMTP"));
        endpoints.add(endpoint("smtp", host, ServerSetup.PROTOCOL_SMTPS, "implicit", "Practice SMTPS (TLS)"));
        endpoints.add(endpoint("pop3", host, ServerSetup.PROTOCOL_POP3, "none", "Practice POP3"));
        endpoints.add(endpoint("pop3", host, ServerSetup.PROTOCOL_POP3S, "implicit", "Practice POP3S (TLS)"));
        endpoints.add(endpoint("imap", host, ServerSetup.PROTOCOL_IMAP, "none", "Practice IMAP"));
        endpoints.add(endpoint("imap", host, ServerSetup.PROTOCOL_IMAPS, "implicit", "Practice IMAPS (TLS)"));
        return endpoints;
    }

    private PracticeEndpoint endpoint(String protocol, String host, String service, String tls, String label) {
        return new PracticeEndpoint(protocol, host, greenMail.port(service), tls, label);
    }

    private void seed() {
        for (PracticeUser user : PracticeUser.ALL) {
            greenMail.setUser(user.address(), user.login(), user.password());
        }
        for (PracticeMail.Seed seed : PracticeMail.seeds()) {
            GreenMailUser user = greenMail.getUserManager().getUser(seed.login());
            try {
                user.deliver(PracticeMessage.stored(seed.message()));
            } catch (MessagingException e) {
                throw new IllegalStateException("The practice message for " + seed.login() + " cannot be stored", e);
            }
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

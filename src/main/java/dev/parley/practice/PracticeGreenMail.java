package dev.parley.practice;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.HashMap;
import java.util.Map;

/**
 * GreenMail as the lesson needs it: its SMTP service rejects unknown recipients and stores mail
 * so sizes add up (GreenMail's only seam for that is the {@link SmtpManager} its {@link Managers}
 * hand to the SMTP server, so both are replaced here), and its servers greet by name and answer
 * a learner's mistakes in words (see {@link PracticeSmtpServer}, {@link PracticePop3Server}).
 */
final class PracticeGreenMail extends GreenMail {

    private final String hostName;

    PracticeGreenMail(ServerSetup[] setups, String hostName) {
        super(setups);
        this.hostName = hostName;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers ignored) {
        managers = new KnownRecipientsManagers();
        Map<String, AbstractServer> services = new HashMap<>();
        for (ServerSetup setup : setups) {
            String protocol = setup.getProtocol();
            AbstractServer server;
            if (protocol.startsWith(ServerSetup.PROTOCOL_SMTP)) {
                server = new PracticeSmtpServer(setup, managers, hostName);
            } else if (protocol.startsWith(ServerSetup.PROTOCOL_POP3)) {
                server = new PracticePop3Server(setup, managers);
            } else if (protocol.startsWith(ServerSetup.PROTOCOL_IMAP)) {
                server = new PracticeImapServer(setup, managers);
            } else {
                throw new IllegalArgumentException("No practice server for " + protocol);
            }
            services.put(protocol, server);
        }
        return services;
    }

    /** The port a service listens on ({@code ServerSetup.PROTOCOL_*}). */
    int port(String protocol) {
        return services.get(protocol).getPort();
    }

    private static final class KnownRecipientsManagers extends Managers {

        private final SmtpManager smtpManager = new KnownRecipientsSmtpManager(getImapHostManager(), getUserManager());

        @Override
        public SmtpManager getSmtpManager() {
            return smtpManager;
        }
    }
}

package dev.parley.practice;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * GreenMail whose SMTP service rejects unknown recipients. GreenMail's only seam for that is the
 * {@link SmtpManager} its {@link Managers} hand to the SMTP server, so both are replaced here.
 */
final class PracticeGreenMail extends GreenMail {

    PracticeGreenMail(ServerSetup[] setups) {
        super(setups);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers ignored) {
        managers = new KnownRecipientsManagers();
        return super.createServices(setups, managers);
    }

    private static final class KnownRecipientsManagers extends Managers {

        private final SmtpManager smtpManager = new KnownRecipientsSmtpManager(getImapHostManager(), getUserManager());

        @Override
        public SmtpManager getSmtpManager() {
            return smtpManager;
        }
    }
}

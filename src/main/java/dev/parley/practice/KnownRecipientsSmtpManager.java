package dev.parley.practice;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.MessagingException;

/**
 * GreenMail accepts every recipient and creates a mailbox for it. The lesson's server answers
 * {@code RCPT TO} an unknown user with {@code 550} (RFC 5321 §3.3, §4.2.2), and so does every
 * real mail server, so the practice server refuses addresses that belong to no practice user.
 * Accepted mail is stored as {@link PracticeMessage#stored} keeps it, one copy per recipient, so
 * its sizes add up in POP3 and IMAP.
 */
final class KnownRecipientsSmtpManager extends SmtpManager {

    KnownRecipientsSmtpManager(ImapHostManager imapHostManager, UserManager userManager) {
        super(imapHostManager, userManager);
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress recipient) {
        if (getUserManager().getUserByEmail(recipient.getEmail()) == null) {
            return "550 5.1.1 No such user here";
        }
        return null;
    }

    @Override
    public synchronized void send(SmtpState state) {
        MovingMessage mail = state.getMessage();
        for (MailAddress recipient : mail.getToAddresses()) {
            GreenMailUser user = getUserManager().getUserByEmail(recipient.getEmail());
            if (user == null) {
                continue;
            }
            try {
                user.deliver(PracticeMessage.stored(mail.getMessage()));
            } catch (MessagingException e) {
                throw new IllegalStateException("A practice message cannot be stored", e);
            }
        }
    }
}

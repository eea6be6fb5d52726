package dev.parley.practice;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;

/**
 * GreenMail accepts every recipient and creates a mailbox for it. The lesson's server answers
 * {@code RCPT TO} an unknown user with {@code 550} (RFC 5321 §3.3, §4.2.2), and so does every
 * real mail server, so the practice server refuses addresses that belong to no practice user.
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
}

package dev.parley.practice;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;

/**
 * GreenMail's IMAP handler in a server of our own ({@code ImapServer} is final), only so that a
 * learner who drops the connection mid-command is not reported as a server failure.
 */
final class PracticeImapServer extends AbstractServer {

    PracticeImapServer(ServerSetup setup, Managers managers) {
        super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new QuietHandler("IMAP", new ImapHandler(managers.getUserManager(), managers.getImapHostManager(),
                AnswerAtOnce.of(clientSocket)));
    }
}

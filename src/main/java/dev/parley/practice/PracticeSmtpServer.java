package dev.parley.practice;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.AuthCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.util.Locale;

/**
 * GreenMail's SMTP server, greeting with a host name as the lesson's server does
 * ({@code 220 foo.com ...}, {@code 250-foo.com greets bar.com}). GreenMail names itself after the
 * socket's address ({@code InetAddress.toString()}: {@code /127.0.0.1}), which RFC 5321 §4.1.3
 * does not allow in a greeting: a domain is expected there.
 */
final class PracticeSmtpServer extends SmtpServer {

    private final String hostName;

    PracticeSmtpServer(ServerSetup setup, Managers managers, String hostName) {
        super(setup, managers);
        this.hostName = hostName;
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new QuietHandler("SMTP", new Handler(new Commands(hostName), managers.getSmtpManager(), AnswerAtOnce.of(clientSocket),
                hostName));
    }

    /** RFC 5321 §4.2: the greeting names the server. */
    private static final class Handler extends SmtpHandler {

        private final String hostName;

        Handler(SmtpCommandRegistry registry, SmtpManager manager, Socket socket, String hostName) {
            super(registry, manager, socket);
            this.hostName = hostName;
        }

        @Override
        protected void sendGreetings() {
            conn.send("220 " + hostName + " ESMTP Parley practice mail server ready");
        }
    }

    /** GreenMail's commands, with HELO, EHLO and QUIT answering in the server's name. */
    private static final class Commands extends SmtpCommandRegistry {

        private final SmtpCommand hello;
        private final SmtpCommand quit;

        Commands(String hostName) {
            hello = new Hello(hostName);
            quit = new Quit(hostName);
        }

        @Override
        public SmtpCommand getCommand(String name) {
            return switch (name) {
                case "HELO", "EHLO" -> hello;
                case "QUIT" -> quit;
                default -> super.getCommand(name);
            };
        }
    }

    /** RFC 5321 §4.1.1.1: the first line of the answer names the server and greets the client. */
    private static final class Hello extends SmtpCommand {

        private final String hostName;

        Hello(String hostName) {
            this.hostName = hostName;
        }

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine) {
            String client = commandLine.length() > 5 ? commandLine.substring(5).strip() : "";
            conn.setHeloName(client.isEmpty() ? null : client);
            state.clearMessage();
            String greets = hostName + (client.isEmpty() ? "" : " greets " + client);
            if (commandLine.toUpperCase(Locale.ROOT).startsWith("EHLO")) {
                conn.send("250-" + greets);
                conn.send("250-AUTH " + AuthCommand.SUPPORTED_AUTH_MECHANISM);
                conn.send("250 SMTPUTF8");
            } else {
                conn.send("250 " + greets);
            }
        }
    }

    /** RFC 5321 §4.1.1.10. */
    private static final class Quit extends SmtpCommand {

        private final String hostName;

        Quit(String hostName) {
            this.hostName = hostName;
        }

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine) {
            conn.send("221 " + hostName + " Service closing transmission channel");
            conn.quit();
        }
    }
}

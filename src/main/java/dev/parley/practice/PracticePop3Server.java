package dev.parley.practice;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.pop3.Pop3Connection;
import com.icegreen.greenmail.pop3.Pop3Handler;
import com.icegreen.greenmail.pop3.Pop3Server;
import com.icegreen.greenmail.pop3.Pop3State;
import com.icegreen.greenmail.pop3.commands.Pop3Command;
import com.icegreen.greenmail.pop3.commands.Pop3CommandRegistry;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.util.regex.Pattern;

/**
 * GreenMail's POP3 server with answers a learner can read. GreenMail answers a wrong password with
 * {@code -ERR Authentication failed: com.icegreen.greenmail.user.UserException: ...} and a
 * missing message number with {@code -ERR java.lang.ArrayIndexOutOfBoundsException: ...}; here
 * {@code PASS} says what happened and how full the maildrop is (as in the lesson, RFC 1939 §7
 * example), and commands that take message numbers say what they expected.
 */
final class PracticePop3Server extends Pop3Server {

    PracticePop3Server(ServerSetup setup, Managers managers) {
        super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new QuietHandler("POP3", new Pop3Handler(new Commands(), managers.getUserManager(), AnswerAtOnce.of(clientSocket)));
    }

    private static final class Commands extends Pop3CommandRegistry {

        private static final Pop3Command PASS = new Pass();
        private static final Pop3Command STAT = new Stat();
        private static final Pop3Command LIST = new List();

        @Override
        public Pop3Command getCommand(String name) {
            Pop3Command greenMail = super.getCommand(name);
            if (greenMail == null) {
                return null;
            }
            return switch (name) {
                case "PASS" -> PASS;
                case "STAT" -> STAT;
                case "LIST" -> new Numbers(LIST, 0, 1, "LIST takes one message number or none, as in LIST 1 or LIST.");
                case "RETR", "DELE" -> new Numbers(greenMail, 1, 1, name + " needs a message number, as in " + name + " 1.");
                case "UIDL" -> new Numbers(greenMail, 0, 1,
                        name + " takes one message number or none, as in " + name + " 1 or " + name + ".");
                case "TOP" -> new Numbers(greenMail, 2, 2, "TOP needs a message number and a count of lines, as in TOP 1 5.");
                default -> greenMail;
            };
        }
    }

    /** RFC 1939 §7 {@code PASS}: {@code +OK} with the maildrop's size, or a plain {@code -ERR}. */
    private static final class Pass extends Pop3Command {

        @Override
        public boolean isValidForState(Pop3State state) {
            return !state.isAuthenticated();
        }

        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            GreenMailUser user = state.getUser();
            if (user == null) {
                conn.println("-ERR Send USER with your user name first, then PASS.");
                return;
            }
            String password = cmd.length() > 5 ? cmd.substring(5) : "";
            if (password.isEmpty()) {
                conn.println("-ERR PASS needs the password, as in PASS redqueen.");
                return;
            }
            try {
                state.authenticate(password);
            } catch (UserException | FolderException e) {
                conn.println("-ERR Wrong password for " + user.getLogin() + ".");
                return;
            }
            java.util.List<StoredMessage> messages = state.getFolder().getNonDeletedMessages();
            conn.println("+OK " + user.getLogin() + "'s maildrop has " + messages.size()
                    + (messages.size() == 1 ? " message (" : " messages (") + octets(messages) + " octets)");
        }
    }

    /** RFC 1939 §5 {@code STAT}: the count and the octets {@code RETR} would send for all of them. */
    private static final class Stat extends Pop3Command {

        @Override
        public boolean isValidForState(Pop3State state) {
            return state.isAuthenticated();
        }

        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            java.util.List<StoredMessage> messages = state.getFolder().getNonDeletedMessages();
            conn.println("+OK " + messages.size() + " " + octets(messages));
        }
    }

    /** RFC 1939 §5 {@code LIST}: each message's number and the octets {@code RETR} sends for it. */
    private static final class List extends Pop3Command {

        @Override
        public boolean isValidForState(Pop3State state) {
            return state.isAuthenticated();
        }

        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            MailFolder inbox = state.getFolder();
            String[] words = cmd.split(" ");
            try {
                if (words.length > 1) {
                    int wanted = Integer.parseInt(words[1]);
                    for (StoredMessage message : inbox.getNonDeletedMessages()) {
                        if (inbox.getMsn(message.getUid()) == wanted) {
                            conn.println("+OK " + wanted + " " + PracticeMessage.octets(message.getMimeMessage()));
                            return;
                        }
                    }
                    conn.println("-ERR There is no message " + wanted + " in the maildrop.");
                    return;
                }
                java.util.List<StoredMessage> messages = inbox.getNonDeletedMessages();
                conn.println("+OK " + messages.size() + (messages.size() == 1 ? " message (" : " messages (")
                        + octets(messages) + " octets)");
                for (StoredMessage message : messages) {
                    conn.println(inbox.getMsn(message.getUid()) + " " + PracticeMessage.octets(message.getMimeMessage()));
                }
                conn.println(".");
            } catch (FolderException e) {
                conn.println("-ERR The maildrop cannot be read just now; try again.");
            }
        }
    }

    private static long octets(java.util.List<StoredMessage> messages) {
        long octets = 0;
        for (StoredMessage message : messages) {
            octets += PracticeMessage.octets(message.getMimeMessage());
        }
        return octets;
    }

    /** Checks a command's message-number arguments before GreenMail reads them. */
    private static final class Numbers extends Pop3Command {

        private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

        private final Pop3Command command;
        private final int min;
        private final int max;
        private final String usage;

        Numbers(Pop3Command command, int min, int max, String usage) {
            this.command = command;
            this.min = min;
            this.max = max;
            this.usage = usage;
        }

        @Override
        public boolean isValidForState(Pop3State state) {
            return command.isValidForState(state);
        }

        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            String[] words = cmd.strip().split(" +");
            int args = words.length - 1;
            boolean fine = args >= min && args <= max;
            for (int i = 1; fine && i < words.length; i++) {
                fine = NUMBER.matcher(words[i]).matches();
            }
            if (fine) {
                command.execute(conn, state, String.join(" ", words));
            } else {
                conn.println("-ERR " + usage);
            }
        }
    }
}

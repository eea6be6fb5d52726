package dev.parley.library;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.pop3.POP3Folder;

/**
 * The lesson's POP3 calls through Jakarta Mail (RFC 1939): STAT, LIST, RETR (parsed into its MIME
 * tree) and DELE. Jakarta Mail opens the maildrop with STAT on its own, and sends DELE only when
 * the folder is closed with expunge, just before QUIT: POP3 deletes nothing before QUIT anyway
 * (§6, the UPDATE state).
 */
final class Pop3Calls {

    private Pop3Calls() {
    }

    static Snippets.Code code(String name, MailCall call) throws LibraryCallException {
        String n = name.equals("pop3.retr") || name.equals("pop3.dele") ? Integer.toString(call.args().messageNumber()) : "";
        return switch (name) {
            case "pop3.stat" -> code(call, opened("READ_ONLY")
                    + "    int messages = inbox.getMessageCount();          // from STAT\n"
                    + "    int octets = ((POP3Folder) inbox).getSize();\n}\n", "count, octets = conn.stat()\n");
            case "pop3.list" -> code(call, opened("READ_ONLY")
                    + "    int[] sizes = ((POP3Folder) inbox).getSizes();   // LIST\n}\n", "resp, listing, octets = conn.list()\n");
            case "pop3.retr" -> code(call, opened("READ_ONLY")
                    + "    ByteArrayOutputStream raw = new ByteArrayOutputStream();\n"
                    + "    inbox.getMessage(" + n + ").writeTo(raw);   // RETR " + n + "\n"
                    + "    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));\n}\n",
                    "import email\n" + "resp, lines, octets = conn.retr(" + n + ")\n"
                            + "msg = email.message_from_bytes(b'\\r\\n'.join(lines))\n");
            case "pop3.dele" -> code(call, "Folder inbox = store.getFolder(\"INBOX\");\n"
                    + "inbox.open(Folder.READ_WRITE);\n"
                    + "inbox.getMessage(" + n + ").setFlag(Flags.Flag.DELETED, true);\n"
                    + "inbox.close(true);   // sends DELE now, then QUIT ends the session\n", "conn.dele(" + n + ")\n");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String opened(String mode) {
        return "try (Folder inbox = store.getFolder(\"INBOX\")) {\n" + "    inbox.open(Folder." + mode + ");\n";
    }

    private static Snippets.Code code(MailCall call, String java, String python) {
        return new Snippets.Code(Snippets.java(call, java), Snippets.python(call, python));
    }

    static Object run(String name, MailCall call) throws MessagingException, IOException, LibraryCallException {
        Session session = call.session();
        try (Store store = session.getStore("pop3")) {
            store.connect(call.username(), call.password());
            Folder inbox = store.getFolder("INBOX");
            boolean delete = name.equals("pop3.dele");
            inbox.open(delete ? Folder.READ_WRITE : Folder.READ_ONLY);
            try {
                return switch (name) {
                    case "pop3.stat" -> Map.of("messages", inbox.getMessageCount(), "octets", ((POP3Folder) inbox).getSize());
                    case "pop3.list" -> listing(((POP3Folder) inbox).getSizes());
                    case "pop3.retr" -> {
                        int n = call.args().messageNumber();
                        yield MimeTree.parsed(session, ImapCalls.message(inbox, n), n);
                    }
                    case "pop3.dele" -> {
                        int n = call.args().messageNumber();
                        ImapCalls.message(inbox, n).setFlag(Flags.Flag.DELETED, true);
                        yield Map.of("deleted", n);
                    }
                    default -> throw new IllegalArgumentException(name);
                };
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(delete);
                }
            }
        }
    }

    private static List<Map<String, Integer>> listing(int[] sizes) {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            out.add(Map.of("message", i + 1, "octets", sizes[i]));
        }
        return out;
    }
}

package dev.parley.library;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * The lesson's IMAP calls through Jakarta Mail (RFC 9051): list, select, search, fetch a part,
 * fetch and parse a whole message. Each call connects, logs in and opens what it needs, so its
 * trace is a complete conversation on its own; reading calls open the folder READ_ONLY, which
 * Jakarta Mail does with EXAMINE (§6.3.3).
 */
final class ImapCalls {

    private ImapCalls() {
    }

    static Snippets.Code code(String name, MailCall call) throws LibraryCallException {
        Args args = call.args();
        String folder = name.equals("imap.list") ? "" : args.get("folder");
        String f = Snippets.quote(folder);
        String pf = Snippets.py(folder);
        String n = name.equals("imap.fetch") || name.equals("imap.message") ? Integer.toString(args.messageNumber()) : "";
        return switch (name) {
            case "imap.list" -> code(call,
                    "Folder[] folders = store.getDefaultFolder().list(\"*\");\n",
                    "typ, folders = conn.list()\n");
            case "imap.select" -> {
                boolean readOnly = args.get("mode").equals("READ_ONLY");
                yield code(call,
                        "try (Folder folder = store.getFolder(" + f + ")) {\n"
                                + "    folder.open(Folder." + (readOnly ? "READ_ONLY" : "READ_WRITE") + ");\n"
                                + "    int count = folder.getMessageCount();\n"
                                + "}\n",
                        "typ, data = conn.select(" + pf + (readOnly ? ", readonly=True" : "") + ")\n");
            }
            case "imap.search" -> {
                SearchCriteria.Built built = SearchCriteria.parse(args.get("criteria"));
                String criteria = args.get("criteria").trim();
                String wrapped = criteria.startsWith("(") ? criteria : "(" + criteria + ")";
                yield code(call, opened(f) + "    Message[] found = folder.search(" + built.java() + ");\n}\n",
                        "conn.select(" + pf + ", readonly=True)\n"
                                + "typ, data = conn.search(None, " + Snippets.py(wrapped) + ")\n");
            }
            case "imap.fetch" -> fetchCode(call, args.get("what"), f, pf, n);
            case "imap.message" -> code(call,
                    opened(f) + "    ByteArrayOutputStream raw = new ByteArrayOutputStream();\n"
                            + "    folder.getMessage(" + n + ").writeTo(raw);   // fetches the whole message\n"
                            + "    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));\n"
                            + "    Object content = message.getContent();   // a Multipart, or the text\n}\n",
                    "import email\n" + "conn.select(" + pf + ", readonly=True)\n"
                            + "typ, data = conn.fetch('" + n + "', '(RFC822)')\n"
                            + "msg = email.message_from_bytes(data[0][1])\n"
                            + "print(msg.keys(), msg.get_content_type())\n"
                            + "if msg.is_multipart():\n"
                            + "    print(msg.get_payload()[0])   # the first part, as the lesson prints it\n");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Snippets.Code fetchCode(MailCall call, String what, String f, String pf, String n) {
        String get = "    Message message = folder.getMessage(" + n + ");\n";
        String java = switch (what) {
            case "header" -> get + "    Enumeration<Header> headers = message.getAllHeaders();\n";
            case "text" -> get + "    InputStream text = ((IMAPMessage) message).getRawInputStream();\n";
            case "flags" -> get + "    Flags flags = message.getFlags();\n";
            default -> get + "    ByteArrayOutputStream whole = new ByteArrayOutputStream();\n"
                    + "    message.writeTo(whole);\n";
        };
        String item = switch (what) {
            case "header" -> "(BODY[HEADER])";
            case "text" -> "(BODY[TEXT])";
            case "flags" -> "(FLAGS)";
            default -> "(RFC822)";
        };
        return code(call, opened(f) + java + "}\n",
                "conn.select(" + pf + ", readonly=True)\n" + "typ, data = conn.fetch('" + n + "', '" + item + "')\n");
    }

    private static String opened(String folder) {
        return "try (Folder folder = store.getFolder(" + folder + ")) {\n" + "    folder.open(Folder.READ_ONLY);\n";
    }

    private static Snippets.Code code(MailCall call, String java, String python) {
        return new Snippets.Code(Snippets.java(call, java), Snippets.python(call, python));
    }

    static Object run(String name, MailCall call) throws MessagingException, IOException, LibraryCallException {
        Args args = call.args();
        Session session = call.session();
        try (Store store = session.getStore("imap")) {
            store.connect(call.username(), call.password());
            if (name.equals("imap.list")) {
                return list(store);
            }
            boolean readOnly = !name.equals("imap.select") || args.get("mode").equals("READ_ONLY");
            try (Folder folder = store.getFolder(args.get("folder"))) {
                folder.open(readOnly ? Folder.READ_ONLY : Folder.READ_WRITE);
                return switch (name) {
                    case "imap.select" -> selected(folder, readOnly);
                    case "imap.search" -> Map.of("messages", Arrays.stream(folder.search(
                            SearchCriteria.parse(args.get("criteria")).term())).map(Message::getMessageNumber).toList());
                    case "imap.fetch" -> fetch(message(folder, args.messageNumber()), args.get("what"));
                    case "imap.message" -> MimeTree.parsed(session, message(folder, args.messageNumber()),
                            args.messageNumber());
                    default -> throw new IllegalArgumentException(name);
                };
            }
        }
    }

    private static List<Map<String, Object>> list(Store store) throws MessagingException {
        List<Map<String, Object>> folders = new ArrayList<>();
        for (Folder folder : store.getDefaultFolder().list("*")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", folder.getFullName());
            entry.put("separator", String.valueOf(folder.getSeparator()));
            if (folder instanceof IMAPFolder imap) {
                entry.put("attributes", Arrays.asList(imap.getAttributes()));
            }
            folders.add(entry);
        }
        return folders;
    }

    private static Map<String, Object> selected(Folder folder, boolean readOnly) throws MessagingException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("folder", folder.getFullName());
        result.put("mode", readOnly ? "READ_ONLY" : "READ_WRITE");
        result.put("messages", folder.getMessageCount());
        result.put("recent", folder.getNewMessageCount());
        result.put("permanentFlags", flagNames(folder.getPermanentFlags()));
        if (folder instanceof UIDFolder uids) {
            result.put("uidValidity", uids.getUIDValidity());
        }
        return result;
    }

    /** The message, or a sentence saying how many there are. */
    static Message message(Folder folder, int number) throws MessagingException, LibraryCallException {
        try {
            return folder.getMessage(number);
        } catch (IndexOutOfBoundsException e) {
            int count = folder.getMessageCount();
            throw new LibraryCallException(LibraryCallException.Kind.REFUSED, folder.getFullName() + " holds " + count
                    + (count == 1 ? " message" : " messages") + ": there is no message " + number + ".");
        }
    }

    private static Map<String, Object> fetch(Message message, String what) throws MessagingException, IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("message", message.getMessageNumber());
        switch (what) {
            case "header" -> {
                List<MimeTree.HeaderLine> headers = new ArrayList<>();
                for (Header header : Collections.list(message.getAllHeaders())) {
                    headers.add(new MimeTree.HeaderLine(header.getName(), header.getValue(), null));
                }
                result.put("headers", headers);
            }
            case "text" -> {
                try (InputStream in = ((IMAPMessage) message).getRawInputStream()) {
                    result.putAll(Texts.of(Texts.read(in)));
                }
            }
            case "flags" -> result.put("flags", flagNames(message.getFlags()));
            default -> {
                Texts.Bounded whole = new Texts.Bounded();
                message.writeTo(whole);
                result.putAll(Texts.of(whole.toByteArray()));
            }
        }
        return result;
    }

    /** Flags as IMAP writes them: {@code \Seen}, {@code \Deleted}, ..., then keywords. */
    static List<String> flagNames(Flags flags) {
        List<String> names = new ArrayList<>();
        for (Flags.Flag flag : flags.getSystemFlags()) {
            names.add(flag == Flags.Flag.ANSWERED ? "\\Answered" : flag == Flags.Flag.DELETED ? "\\Deleted"
                    : flag == Flags.Flag.DRAFT ? "\\Draft" : flag == Flags.Flag.FLAGGED ? "\\Flagged"
                    : flag == Flags.Flag.RECENT ? "\\Recent" : flag == Flags.Flag.SEEN ? "\\Seen" : "\\*");
        }
        names.addAll(Arrays.asList(flags.getUserFlags()));
        return names;
    }
}

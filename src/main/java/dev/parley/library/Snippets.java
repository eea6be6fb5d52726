package dev.parley.library;

/**
 * The code shown beside a trace: short, idiomatic Jakarta Mail and the lesson's Python library,
 * with the password as a variable (never its value) and the host as the learner typed it.
 */
final class Snippets {

    /** The Java and the Python of one call. */
    record Code(String java, String python) {
    }

    private Snippets() {
    }

    /** A Jakarta Mail program: the session, connected store or transport, and {@code body} inside. */
    static String java(MailCall call, String body) {
        String p = call.protocol().id();
        StringBuilder java = new StringBuilder()
                .append("Properties props = new Properties();\n")
                .append("props.put(\"mail.").append(p).append(".host\", ").append(quote(call.host())).append(");\n")
                .append("props.put(\"mail.").append(p).append(".port\", \"").append(call.port()).append("\");\n");
        if (call.tls()) {
            java.append("props.put(\"mail.").append(p).append(".ssl.enable\", \"true\");\n");
        }
        if (call.protocol() == dev.parley.protocol.Protocol.SMTP) {
            if (hasUser(call)) {
                java.append("props.put(\"mail.smtp.auth\", \"true\");\n");
            }
            return java.append("Session session = Session.getInstance(props);\n")
                    .append("session.setDebug(true);   // prints the conversation: the trace\n")
                    .append(body).toString();
        }
        return java.append("Session session = Session.getInstance(props);\n")
                .append("session.setDebug(true);   // prints the conversation: the trace\n")
                .append("try (Store store = session.getStore(\"").append(p).append("\")) {\n")
                .append("    store.connect(").append(quote(call.username())).append(", password);\n")
                .append(indent(body))
                .append("}\n").toString();
    }

    /**
     * Which Python the snippets are. The lesson's slides are Python 2 ({@code print msg...},
     * {@code email.message_from_string} on the fetched text); Parley shows Python 3, where
     * {@code print} is a function and {@code imaplib} returns bytes.
     */
    static final String PYTHON_3 = "# Python 3. The lesson's slides are Python 2: there, print msg['To'] and\n"
            + "# email.message_from_string(part[1]); in Python 3, print(msg['To']) and\n"
            + "# email.message_from_bytes(part[1]), because imaplib returns bytes.\n";

    /** The same in Python 3: {@code imaplib} / {@code poplib} with their debug switch on, as the lesson does. */
    static String python(MailCall call, String body) {
        return PYTHON_3 + pythonCode(call, body);
    }

    private static String pythonCode(MailCall call, String body) {
        return switch (call.protocol()) {
            case IMAP -> "import imaplib\n"
                    + "imaplib.Debug = 4   # prints the conversation\n"
                    + "conn = imaplib." + (call.tls() ? "IMAP4_SSL" : "IMAP4") + "(" + py(call.host()) + ", "
                    + call.port() + ")\n"
                    + "conn.login(" + py(call.username()) + ", password)\n"
                    + body
                    + "conn.logout()\n";
            case POP3 -> "import poplib\n"
                    + "conn = poplib." + (call.tls() ? "POP3_SSL" : "POP3") + "(" + py(call.host()) + ", "
                    + call.port() + ")\n"
                    + "conn.set_debuglevel(2)   # prints the conversation\n"
                    + "conn.user(" + py(call.username()) + ")\n"
                    + "conn.pass_(password)\n"
                    + body
                    + "conn.quit()\n";
            case SMTP -> "import smtplib\n"
                    + "from email.message import EmailMessage\n"
                    + body.replace("@CONNECT@", (call.tls() ? "smtplib.SMTP_SSL(" : "smtplib.SMTP(")
                            + py(call.host()) + ", " + call.port() + ")")
                            .replace("@LOGIN@", hasUser(call) ? "    conn.login(" + py(call.username()) + ", password)\n" : "");
            case HTTP, RAW -> body;
        };
    }

    static boolean hasUser(MailCall call) {
        return call.username() != null && !call.username().isBlank();
    }

    static String quote(String value) {
        return SearchCriteria.java(value == null ? "" : value);
    }

    static String py(String value) {
        String v = value == null ? "" : value;
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }

    static String indent(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n")) {
            out.append(line.isEmpty() ? "" : "    ").append(line).append('\n');
        }
        return out.toString();
    }
}

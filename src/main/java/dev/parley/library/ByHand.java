package dev.parley.library;

import dev.parley.protocol.Protocol;
import dev.parley.protocol.Secrets;
import dev.parley.protocol.Verbs;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "Do it by hand": the lines a learner types in Parley's raw console to have the conversation a
 * library call had, from the trace's client lines. Parley's conventions apply: IMAP lines are
 * typed without a tag (Parley adds {@code A0001}, {@code A0002}, ...), message text after SMTP
 * {@code DATA} is typed without dot-stuffing (Parley stuffs it), and secrets become placeholders
 * the learner fills in.
 */
final class ByHand {

    /** One line to type, with a note when it needs explaining. */
    record Step(String line, String note) {
    }

    private static final Pattern IMAP_TAG = Pattern.compile("^[A-Za-z]+\\d+ ");

    private ByHand() {
    }

    static List<Step> of(Protocol protocol, List<MailTrace.Line> trace, String username) {
        List<String> client = trace.stream().filter(MailTrace.Line::client).map(MailTrace.Line::text).toList();
        String user = username == null || username.isBlank() ? "<user>" : username;
        return switch (protocol) {
            case IMAP -> imap(client, user);
            case POP3 -> pop3(client, user);
            case SMTP -> smtp(client);
            case HTTP -> http(client);
            case RAW -> List.of();
        };
    }

    private static List<Step> imap(List<String> client, String user) {
        List<Step> steps = new ArrayList<>();
        for (String line : client) {
            if (!IMAP_TAG.matcher(line).find()) {
                continue; // a continuation (SASL response, literal): covered by the LOGIN below
            }
            String command = IMAP_TAG.matcher(line).replaceFirst("");
            String verb = Verbs.verbOf(command);
            steps.add(switch (verb) {
                case "CAPABILITY" -> new Step(command, "Optional: the library asks what the server supports "
                        + "before choosing how to log in, and again after, because it may change.");
                case "LOGIN" -> new Step("LOGIN " + user + " <password>", "Type your password in place of <password>.");
                case "AUTHENTICATE" -> new Step("LOGIN " + user + " <password>", "The library sent " + command
                        + " and then your user name and password in base64 (SASL), because the server offered it; "
                        + "LOGIN does the same in one line.");
                case "EXAMINE" -> new Step(command, "EXAMINE opens the folder read-only, as Folder.READ_ONLY asked; "
                        + "SELECT would open it read-write.");
                case "NOOP" -> new Step(command, "Optional: the library checks the connection is alive.");
                default -> new Step(command, null);
            });
        }
        return steps;
    }

    private static List<Step> pop3(List<String> client, String user) {
        List<Step> steps = new ArrayList<>();
        boolean auth = false;
        for (String line : client) {
            String verb = Verbs.verbOf(line);
            if (auth && line.equals(Secrets.MASK)) {
                continue;
            }
            auth = verb.equals("AUTH");
            steps.add(switch (verb) {
                case "CAPA" -> new Step(line, "Optional: the library asks what the server supports.");
                case "PASS" -> new Step("PASS <password>", "Type your password in place of <password>.");
                case "AUTH" -> new Step("USER " + user, "The library used " + line + " (SASL, base64); "
                        + "USER and PASS do the same by hand.");
                default -> new Step(line, null);
            });
            if (verb.equals("AUTH")) {
                steps.add(new Step("PASS <password>", "Type your password in place of <password>."));
            }
        }
        return steps;
    }

    private static List<Step> smtp(List<String> client) {
        List<Step> steps = new ArrayList<>();
        boolean data = false;
        boolean auth = false;
        int secret = 0;
        for (String line : client) {
            if (data) {
                boolean end = line.equals(".");
                String typed = !end && line.startsWith("..") ? line.substring(1) : line;
                steps.add(new Step(typed, end ? "A line with only a dot ends the message."
                        : !typed.equals(line) ? "The library doubled this line's leading dot (dot-stuffing); "
                                + "type it once, Parley doubles it for you." : null));
                data = !end;
                continue;
            }
            String verb = Verbs.verbOf(line);
            if (auth && line.equals(Secrets.MASK)) {
                steps.add(new Step(secret++ == 0 ? "<your user name in base64>" : "<your password in base64>",
                        "AUTH LOGIN asks for each in base64."));
                continue;
            }
            auth = verb.equals("AUTH");
            secret = 0;
            if (verb.equals("AUTH") && line.endsWith(Secrets.MASK)) {
                steps.add(new Step(line.replace(Secrets.MASK, "<base64 of \\0user\\0password>"),
                        "AUTH PLAIN sends the user name and password together, in base64."));
            } else if (verb.equals("DATA")) {
                steps.add(new Step(line, "After the 354 answer, type the message: header lines, an empty line, "
                        + "then the text."));
                data = true;
            } else {
                steps.add(new Step(line, verb.equals("EHLO") ? "The library names its own host here." : null));
            }
        }
        return steps;
    }

    private static List<Step> http(List<String> client) {
        List<Step> steps = new ArrayList<>();
        for (String line : client) {
            steps.add(new Step(line, line.isEmpty() ? "An empty line ends the request head." : null));
        }
        return steps;
    }
}

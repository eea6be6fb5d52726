package dev.parley.library;

import dev.parley.protocol.Protocol;
import dev.parley.protocol.imap.ImapLiteral;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Jakarta Mail's debug output into the conversation as {@code C:} / {@code S:} lines.
 *
 * <p>Angus Mail writes both directions to the debug stream exactly as they go over the wire,
 * with no mark saying which side wrote a line, interleaved with its own {@code DEBUG ...} notes
 * and, now and then, a stack trace of a response it could not parse. Who wrote a line therefore
 * follows from each protocol's own turn-taking: SMTP (RFC 5321 §4.2) and POP3 (RFC 1939 §3)
 * alternate command and reply, a reply ending on its last line; IMAP (RFC 9051 §2.2) marks
 * server lines with {@code *}, {@code +} or a tagged status, and counts literals in octets, so a
 * literal is read by its count and never mistaken for commands or notes.
 */
final class MailTrace {

    /** One line of the conversation; {@code dir} is {@code 'C'} or {@code 'S'}. */
    record Line(char dir, String text) {

        String render() {
            return dir + ": " + text;
        }

        boolean client() {
            return dir == 'C';
        }
    }

    /** Literals longer than this many octets are cut in the trace (the result has them whole). */
    static final int MAX_LITERAL_SHOWN = 64 * 1024;

    private static final Pattern IMAP_TAGGED_STATUS = Pattern.compile("^[A-Za-z]+\\d+ (OK|NO|BAD|BYE|PREAUTH)( .*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAP_COMMAND = Pattern.compile("^[A-Za-z]+\\d+ \\S.*$");
    private static final Pattern SMTP_REPLY = Pattern.compile("^\\d{3}([ -].*)?$");
    private static final Pattern EXCEPTION = Pattern.compile("^[\\w.$]+(Exception|Error)(: .*)?$");
    private static final Set<String> POP3_MULTILINE = Set.of("CAPA", "RETR", "TOP");

    private final byte[] octets;
    private int at;
    private final List<Line> lines = new ArrayList<>();

    private MailTrace(byte[] octets) {
        this.octets = octets;
    }

    /** The conversation in {@code debug}, the raw debug output of one call. */
    static List<Line> parse(Protocol protocol, byte[] debug) {
        MailTrace trace = new MailTrace(debug);
        switch (protocol) {
            case IMAP -> trace.imap();
            case POP3 -> trace.pop3();
            case SMTP -> trace.smtp();
            case HTTP, RAW -> throw new IllegalArgumentException("Jakarta Mail does not speak " + protocol);
        }
        return List.copyOf(trace.lines);
    }

    /** The library's own notes and stack traces: not part of the conversation. */
    static boolean noise(String text) {
        return text.startsWith("DEBUG") || text.startsWith("\t") || text.startsWith("Caused by: ")
                || EXCEPTION.matcher(text).matches();
    }

    private void imap() {
        boolean clientNext = false;
        String text;
        while ((text = nextLine()) != null) {
            if (clientNext && !text.startsWith("DEBUG")) {
                clientNext = clientLine(text);
            } else if (text.startsWith("* ") || text.equals("*") || text.startsWith("+")
                    || IMAP_TAGGED_STATUS.matcher(text).matches()) {
                serverWithLiterals(text);
                // After a continuation request the client sends the next line (SASL, a literal).
                clientNext = text.startsWith("+");
            } else if (IMAP_COMMAND.matcher(text).matches()) {
                clientNext = clientLine(text);
            }
            // Anything else is a note or stack trace of the library's own.
        }
    }

    /** Adds a client line; returns whether a non-synchronizing literal makes the next line the client's too. */
    private boolean clientLine(String text) {
        lines.add(new Line('C', text));
        ImapLiteral literal = ImapLiteral.at(text);
        return literal != null && literal.valid() && literal.nonSynchronising();
    }

    /** A server line and, while it announces a literal, the literal's octets and the rest of the line. */
    private void serverWithLiterals(String first) {
        String text = first;
        while (true) {
            ImapLiteral literal = ImapLiteral.at(text);
            if (literal == null || !literal.valid()) {
                lines.add(new Line('S', text));
                return;
            }
            lines.add(new Line('S', text));
            long announced = literal.octets();
            int available = (int) Math.min(announced, octets.length - at);
            byte[] content = Arrays.copyOfRange(octets, at, at + available);
            at += available;
            String rest = nextLine();
            text = literalLines(content, rest == null ? "" : rest);
        }
    }

    /** Adds the literal's lines; returns the last, partial line joined with the rest of the response line. */
    private String literalLines(byte[] content, String rest) {
        int shown = Math.min(content.length, MAX_LITERAL_SHOWN);
        String text = new String(content, 0, shown, StandardCharsets.UTF_8);
        String[] parts = text.split("\r?\n", -1);
        for (int i = 0; i < parts.length - 1; i++) {
            lines.add(new Line('S', parts[i]));
        }
        if (shown < content.length) {
            lines.add(new Line('S', parts[parts.length - 1]));
            lines.add(new Line('S', "<" + (content.length - shown) + " more octets of the literal, not shown>"));
            return rest;
        }
        return parts[parts.length - 1] + rest;
    }

    private enum Turn { GREETING, CLIENT, SERVER, DATA }

    private void pop3() {
        Turn turn = Turn.GREETING;
        String command = "";
        boolean multiline = false;
        String text;
        while ((text = nextLine()) != null) {
            if (multiline) {
                lines.add(new Line('S', text));
                multiline = !text.equals(".");
                continue;
            }
            if (noise(text)) {
                continue;
            }
            if (turn == Turn.CLIENT) {
                lines.add(new Line('C', text));
                command = text;
                turn = Turn.SERVER;
            } else {
                lines.add(new Line('S', text));
                multiline = text.startsWith("+OK") && turn == Turn.SERVER && pop3Multiline(command);
                turn = Turn.CLIENT;
            }
        }
    }

    /** RFC 1939 §5 and RFC 2449: the answers that go on until a lone dot. */
    private static boolean pop3Multiline(String command) {
        String[] words = command.trim().split("\\s+");
        String verb = words[0].toUpperCase(Locale.ROOT);
        return POP3_MULTILINE.contains(verb) || ((verb.equals("LIST") || verb.equals("UIDL")) && words.length == 1);
    }

    private void smtp() {
        Turn turn = Turn.GREETING;
        String command = "";
        String text;
        while ((text = nextLine()) != null) {
            if (turn == Turn.DATA) {
                lines.add(new Line('C', text));
                turn = text.equals(".") ? Turn.SERVER : Turn.DATA;
                continue;
            }
            if (noise(text) && !SMTP_REPLY.matcher(text).matches()) {
                continue;
            }
            if (turn == Turn.CLIENT) {
                lines.add(new Line('C', text));
                command = text.trim().toUpperCase(Locale.ROOT);
                turn = Turn.SERVER;
                continue;
            }
            lines.add(new Line('S', text));
            boolean last = !(text.length() > 3 && text.charAt(3) == '-');
            if (last) {
                turn = command.equals("DATA") && text.startsWith("354") ? Turn.DATA : Turn.CLIENT;
                command = "";
            }
        }
    }

    /** The next line without its CRLF (or bare LF), or null at the end. */
    private String nextLine() {
        if (at >= octets.length) {
            return null;
        }
        int start = at;
        int end = start;
        while (end < octets.length && octets[end] != '\n') {
            end++;
        }
        at = Math.min(end + 1, octets.length);
        int stop = end > start && octets[end - 1] == '\r' ? end - 1 : end;
        return new String(octets, start, stop - start, StandardCharsets.UTF_8);
    }
}

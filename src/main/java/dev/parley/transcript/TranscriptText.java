package dev.parley.transcript;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.Terminator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transcript text format of CONTRACTS.md §2, both ways: the lesson's own notation, so a
 * transcript can be read, written by hand, diffed and replayed.
 *
 * <pre>
 * # protocol: pop3
 * # target: localhost:3110
 * S: +OK POP3 server ready
 * C: PASS ********
 * # tls: starttls TLSv1.3 TLS_AES_128_GCM_SHA256 verified CN=localhost
 * # body: image/png body, 93 octets, not shown
 * # any other comment
 * </pre>
 *
 * <p>{@code # key: value} lines with the keys of {@link TranscriptMeta} are metadata wherever they
 * stand; {@code # tls:} and {@code # body:} are events in place; any other {@code #} line is a note
 * kept in place. Blank lines are ignored, and so is indentation before {@code C:}/{@code S:} (the
 * lesson indents its examples). A line that is a single placeholder {@code <…>} on its own, as the
 * lesson writes an IMAP literal ({@code <server sends 1425 octets of message payload>}), is read as
 * an {@code S:} line. What {@link #print} writes, {@link #parse} reads back to the same text.
 */
public final class TranscriptText {

    /** Longest line accepted, in characters: an answer shown whole is at most 256 KB. */
    public static final int MAX_LINE_CHARS = 512 * 1024;

    private static final List<String> KEYS = List.of("protocol", "target", "id", "origin", "remote", "started",
            "ended", "closed");

    private TranscriptText() {
    }

    public static String print(Transcript transcript) {
        StringBuilder out = new StringBuilder();
        TranscriptMeta m = transcript.meta();
        header(out, "protocol", m.protocol() == null ? null : m.protocol().id());
        header(out, "target", m.target());
        header(out, "id", m.id());
        header(out, "origin", m.origin());
        header(out, "remote", m.remote());
        header(out, "started", m.started());
        header(out, "ended", m.ended());
        header(out, "closed", m.closed());
        for (TranscriptLine line : transcript.lines()) {
            switch (line.kind()) {
                case LINE -> out.append(line.direction()).append(": ").append(visible(line.text())).append('\n');
                case LITERAL -> {
                    for (String part : line.text().split("\r?\n", -1)) {
                        out.append(line.direction()).append(": ").append(visible(part)).append('\n');
                    }
                    if (line.text().endsWith("\n")) {
                        out.setLength(out.length() - 4);
                    }
                }
                case BODY -> out.append("# body: ").append(oneLine(line.text())).append('\n');
                case TLS -> out.append("# tls: ").append(oneLine(line.text())).append('\n');
                case NOTE -> out.append("# ").append(oneLine(line.text())).append('\n');
            }
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String key, Object value) {
        if (value != null) {
            out.append("# ").append(key).append(": ").append(oneLine(value.toString())).append('\n');
        }
    }

    /** Controls become visible escapes ({@link VisibleText}): a transcript printed in a terminal cannot drive it. */
    private static String visible(String text) {
        return VisibleText.plain(text);
    }

    private static String oneLine(String text) {
        return visible(text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }

    /** Reads a transcript; its id and origin are whatever the text says (null when it says nothing). */
    public static Transcript parse(String text) {
        Builder b = new Builder();
        String[] physical = text.split("\n", -1);
        int count = text.endsWith("\n") ? physical.length - 1 : physical.length;
        for (int n = 1; n <= count; n++) {
            String line = physical[n - 1];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            b.accept(n, line);
        }
        return new Transcript(b.meta(), b.lines);
    }

    /** Accumulates one parse. */
    private static final class Builder {
        private final List<TranscriptLine> lines = new ArrayList<>();
        private final String[] values = new String[KEYS.size()];
        private final int[] where = new int[KEYS.size()];
        private boolean secure;

        void accept(int n, String line) {
            check(n, line);
            String t = line.stripLeading();
            if (t.isEmpty()) {
                return;
            }
            if (t.startsWith("#")) {
                comment(n, t.startsWith("# ") ? t.substring(2) : t.substring(1));
            } else if (t.startsWith("C:") || t.startsWith("S:")) {
                String rest = t.substring(2);
                add(t.charAt(0) == 'C' ? Direction.C : Direction.S, rest.startsWith(" ") ? rest.substring(1) : rest,
                        LineKind.LINE);
            } else if (t.startsWith("<") && t.strip().endsWith(">")) {
                add(Direction.S, t.strip(), LineKind.LINE);
            } else {
                throw new TranscriptFormatException(n, "a line must start with “C: ”, “S: ” or “#”, or be blank;"
                        + " this one starts with “" + abbreviate(t) + "”");
            }
        }

        private void comment(int n, String body) {
            int colon = body.indexOf(':');
            String key = colon > 0 ? body.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
            String value = colon > 0 ? body.substring(colon + 1).strip() : "";
            int index = KEYS.indexOf(key);
            if (index >= 0) {
                if (values[index] != null) {
                    throw new TranscriptFormatException(n, "“" + key + "” is given twice (first on line "
                            + where[index] + ")");
                }
                values[index] = value;
                where[index] = n;
                validate(n, key, value);
            } else if (key.equals("tls")) {
                secure = true;
                add(null, value, LineKind.TLS);
            } else if (key.equals("body")) {
                add(Direction.S, value, LineKind.BODY);
            } else {
                add(null, body, LineKind.NOTE);
            }
        }

        private void add(Direction direction, String text, LineKind kind) {
            lines.add(new TranscriptLine(lines.size() + 1, direction, null, text, Terminator.CRLF,
                    secure && kind != LineKind.TLS, kind));
        }

        private void validate(int n, String key, String value) {
            try {
                switch (key) {
                    case "protocol" -> {
                        if (Protocol.fromId(value).isEmpty()) {
                            throw new TranscriptFormatException(n, "unknown protocol “" + abbreviate(value)
                                    + "”: use smtp, pop3, imap, http or raw");
                        }
                    }
                    case "target" -> HostPort.parse(value);
                    case "started", "ended" -> Instant.parse(value);
                    case "id" -> {
                        if (!TranscriptIds.wellFormed(value)) {
                            throw new TranscriptFormatException(n, "an id is 22 characters of A-Z, a-z, 0-9, - and _");
                        }
                    }
                    default -> {
                    }
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new TranscriptFormatException(n, key + ": " + (e instanceof DateTimeParseException
                        ? "not an ISO-8601 instant such as 2026-11-26T10:15:30Z" : e.getMessage()));
            }
        }

        TranscriptMeta meta() {
            return new TranscriptMeta(values[2], values[0] == null ? null : Protocol.fromId(values[0]).orElseThrow(),
                    values[3], values[1] == null ? null : HostPort.parse(values[1]), values[4],
                    values[5] == null ? null : Instant.parse(values[5]), values[6] == null ? null : Instant.parse(values[6]),
                    values[7] == null ? null : Closing.parse(values[7]));
        }

        private static void check(int n, String line) {
            if (line.length() > MAX_LINE_CHARS) {
                throw new TranscriptFormatException(n, String.format(Locale.ROOT, "the line is %,d characters,"
                        + " over the %,d-character limit", line.length(), MAX_LINE_CHARS));
            }
            int nul = line.indexOf('\0');
            if (nul >= 0) {
                throw new TranscriptFormatException(n, "a NUL character at column " + (nul + 1)
                        + ": this looks like binary data, not a transcript");
            }
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "…";
        }
    }
}

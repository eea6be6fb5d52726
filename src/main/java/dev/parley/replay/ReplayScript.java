package dev.parley.replay;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Protocol;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A transcript cut into steps: the lines the client sends, then the server lines expected in
 * answer, up to the next client line. Step 0 is the greeting, when the transcript expects server
 * lines before the first client line. A client line that is one placeholder alone
 * ({@code C: <client connects to service port 110>}, {@code C: <client hangs up>}) is a stage
 * direction from the lesson: the replay does it (connects, hangs up) rather than send it.
 * Notes, TLS markers and body summaries are not expectations: they are skipped.
 *
 * <p>Lines are kept as templates: {@code ${name}} is filled in when the step runs. A masked secret
 * in a client line ({@code PASS ********}) is already written as the variable that fills it
 * ({@link SecretSlots}), and its name is in {@link #masked()}.
 *
 * @param masked the variables that stand where the transcript had a masked secret: secret whatever the caller says
 */
record ReplayScript(List<Step> steps, Set<String> masked) {

    /**
     * A client line to send.
     *
     * @param template the line with {@code ${name}} where a variable goes (a masked secret included)
     * @param original the line as the transcript wrote it (a masked secret still {@code ********})
     * @param line     where it stands in the transcript text (0 when unknown)
     */
    record Client(String template, String original, int line) {
    }

    /**
     * @param sent     the client lines to send, in order (empty for the greeting)
     * @param expected the server lines expected, placeholders included
     * @param line     the line of the transcript text where the step starts (0 when unknown)
     */
    record Step(int index, List<Client> sent, List<String> expected, int line) {

        List<String> templates() {
            return sent.stream().map(Client::template).toList();
        }

        /** The variables a client line of this step needs. */
        Set<String> needs() {
            Set<String> names = new LinkedHashSet<>();
            sent.forEach(c -> names.addAll(VariableRefs.names(c.template())));
            return names;
        }

        /** The values this step's expected lines capture. */
        Set<String> captures() {
            Set<String> names = new LinkedHashSet<>();
            expected.forEach(l -> names.addAll(LinePatterns.captures(l)));
            return names;
        }
    }

    /**
     * @param text the transcript's text, to name the line each step starts on; null when there is none
     */
    static ReplayScript of(Transcript transcript, Protocol protocol, String text) {
        TextLines where = new TextLines(text);
        SecretSlots slots = new SecretSlots(protocol);
        Set<String> masked = new LinkedHashSet<>();
        List<Step> steps = new ArrayList<>();
        List<Client> sent = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int start = 0;
        int clientSeen = 0;
        int serverSeen = 0;
        for (TranscriptLine line : transcript.lines()) {
            if (!line.traffic()) {
                continue;
            }
            if (line.direction() == Direction.C) {
                int at = where.client(clientSeen++);
                if (LinePatterns.isWholeLine(line.text())) {
                    continue;
                }
                if (!expected.isEmpty()) {
                    steps.add(new Step(steps.size(), List.copyOf(sent), List.copyOf(expected), start));
                    sent.clear();
                    expected.clear();
                }
                if (sent.isEmpty()) {
                    start = at;
                }
                String filled = slots.fill(line.text());
                if (!filled.equals(line.text())) {
                    masked.addAll(VariableRefs.names(filled));
                }
                sent.add(new Client(filled, line.text(), at));
            } else {
                int at = where.server(serverSeen++);
                if (sent.isEmpty() && expected.isEmpty()) {
                    start = at;
                }
                expected.addAll(List.of(line.text().split("\r?\n")));
            }
        }
        if (!sent.isEmpty() || !expected.isEmpty()) {
            steps.add(new Step(steps.size(), List.copyOf(sent), List.copyOf(expected), start));
        }
        return new ReplayScript(List.copyOf(steps), Set.copyOf(masked));
    }

    /**
     * Where the n-th client and server line stand in the text: the parser turns each line that
     * starts with {@code C:} into one client line, and each that starts with {@code S:} or is a lone
     * {@code <…>} into one server line, in order (TranscriptText).
     */
    private static final class TextLines {
        private final List<Integer> client = new ArrayList<>();
        private final List<Integer> server = new ArrayList<>();

        TextLines(String text) {
            if (text == null) {
                return;
            }
            String[] lines = text.split("\n", -1);
            for (int n = 0; n < lines.length; n++) {
                String t = lines[n].stripLeading();
                if (t.startsWith("C:")) {
                    client.add(n + 1);
                } else if (t.startsWith("S:") || t.startsWith("<") && t.strip().endsWith(">")) {
                    server.add(n + 1);
                }
            }
        }

        int client(int index) {
            return index < client.size() ? client.get(index) : 0;
        }

        int server(int index) {
            return index < server.size() ? server.get(index) : 0;
        }
    }
}

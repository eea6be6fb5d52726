package dev.parley.transcript;

import dev.parley.protocol.Direction;
import java.util.Locale;

/**
 * Draws a transcript as a ladder (sequence) diagram in SVG: the client's and the server's
 * lifelines, one arrow per line of traffic (a literal or body folded into one arrow), notes between
 * the lifelines, and the encrypted part shaded from the TLS handshake on. Every text comes from the
 * transcript, which holds redacted text only, and is escaped: a server's bytes never become markup.
 * A {@link Mark} (a replay's failing step) draws its rows on a red band with a label row below them.
 */
public final class LadderDiagram {

    private static final int WIDTH = 760;
    private static final int CLIENT_X = 110;
    private static final int SERVER_X = 650;
    private static final int TOP = 70;
    private static final int ROW = 24;
    private static final int MAX_LABEL = 72;
    /**
     * Rows drawn at most: a diagram is for reading, and every row costs about 160 octets of SVG (a
     * 9.5 MB import once became a 213 MB SVG). Past it, one note says how many lines were left out.
     */
    static final int MAX_ROWS = 2_000;

    private LadderDiagram() {
    }

    /**
     * Rows to mark: lines {@code from} to {@code to} of the transcript (from 1; {@code to < from}
     * when the step has no line, the label alone then stands after line {@code from - 1}).
     */
    public record Mark(int from, int to, String label) {

        /** The line after which the label row stands. */
        int labelAfter() {
            return Math.max(to, from - 1);
        }
    }

    public static String render(Transcript transcript) {
        return render(transcript, null);
    }

    /** The ladder with {@code mark}'s rows marked; null for no mark. */
    public static String render(Transcript whole, Mark given) {
        Transcript transcript = bounded(whole);
        Mark mark = given != null && given.labelAfter() <= transcript.lines().size() ? given : null;
        int rows = transcript.lines().size() + (mark == null ? 0 : 1);
        int height = TOP + rows * ROW + 40;
        StringBuilder svg = new StringBuilder(256 + rows * 160);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"monospace\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(title(transcript))).append("</title>\n");
        svg.append("<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\">"
                + "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#333\"/></marker></defs>\n");
        shadeTls(svg, transcript, height, mark);
        if (mark != null) {
            markBand(svg, mark);
        }
        lifeline(svg, CLIENT_X, "client", height);
        lifeline(svg, SERVER_X, transcript.meta().target() == null ? "server" : transcript.meta().target().toString(),
                height);
        if (mark != null && mark.labelAfter() == 0) {
            markLabel(svg, mark);
        }
        int index = 0;
        for (TranscriptLine line : transcript.lines()) {
            index++;
            int y = rowY(index, mark);
            switch (line.kind()) {
                case LINE -> arrow(svg, y, line.direction(), line.text(), "line");
                case LITERAL -> arrow(svg, y, line.direction(), literalLabel(line.text()), "literal");
                case BODY -> arrow(svg, y, Direction.S, line.text(), "body");
                case TLS -> note(svg, y, "TLS: " + line.text(), "tls");
                case NOTE -> note(svg, y, line.text(), "note");
            }
            if (mark != null && mark.labelAfter() == index) {
                markLabel(svg, mark);
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** The first {@link #MAX_ROWS} lines, and a note for the rest. */
    private static Transcript bounded(Transcript transcript) {
        int lines = transcript.lines().size();
        if (lines <= MAX_ROWS) {
            return transcript;
        }
        java.util.List<TranscriptLine> drawn = new java.util.ArrayList<>(transcript.lines().subList(0, MAX_ROWS - 1));
        drawn.add(new TranscriptLine(MAX_ROWS, null, null, String.format(Locale.ROOT, "… %,d more lines are not drawn;"
                + " the text export has every line.", lines - MAX_ROWS + 1), dev.parley.protocol.Terminator.NONE,
                false, LineKind.NOTE));
        return new Transcript(transcript.meta(), drawn);
    }

    /** The y of line {@code index} (from 1): one row further down after the mark's label row. */
    private static int rowY(int index, Mark mark) {
        return TOP + (index + (mark != null && index > mark.labelAfter() ? 1 : 0)) * ROW;
    }

    private static void markBand(StringBuilder svg, Mark mark) {
        int top = (mark.to() >= mark.from() ? rowY(mark.from(), mark) : rowY(mark.labelAfter() + 1, null)) - ROW + 4;
        int bottom = rowY(mark.labelAfter() + 1, null) + 8;
        svg.append("<rect class=\"mismatch\" x=\"10\" y=\"").append(top).append("\" width=\"").append(WIDTH - 20)
                .append("\" height=\"").append(bottom - top).append("\" rx=\"4\" fill=\"#fce8e6\" stroke=\"#d93025\"/>\n");
    }

    private static void markLabel(StringBuilder svg, Mark mark) {
        int y = rowY(mark.labelAfter() + 1, null);
        svg.append("<text class=\"mismatch\" x=\"").append((CLIENT_X + SERVER_X) / 2).append("\" y=\"").append(y)
                .append("\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#d93025\">")
                .append(escape(cut(mark.label(), MAX_LABEL + 10))).append("</text>\n");
    }

    private static String title(Transcript t) {
        return (t.meta().protocol() == null ? "transcript" : t.meta().protocol().id().toUpperCase(Locale.ROOT))
                + (t.meta().target() == null ? "" : " with " + t.meta().target());
    }

    /** The encrypted part: from the first TLS marker to the end. */
    private static void shadeTls(StringBuilder svg, Transcript transcript, int height, Mark mark) {
        int index = 0;
        for (TranscriptLine line : transcript.lines()) {
            index++;
            if (line.kind() == LineKind.TLS) {
                int y = rowY(index, mark) - ROW / 2;
                svg.append("<rect class=\"tls\" x=\"").append(CLIENT_X - 20).append("\" y=\"").append(y)
                        .append("\" width=\"").append(SERVER_X - CLIENT_X + 40).append("\" height=\"")
                        .append(height - y - 20).append("\" fill=\"#e6f4ea\"/>\n");
                return;
            }
        }
    }

    private static void lifeline(StringBuilder svg, int x, String name, int height) {
        svg.append("<rect x=\"").append(x - 90).append("\" y=\"20\" width=\"180\" height=\"28\" rx=\"4\" fill=\"#f1f3f4\""
                + " stroke=\"#333\"/>\n");
        svg.append("<text x=\"").append(x).append("\" y=\"39\" text-anchor=\"middle\">").append(escape(cut(name, 24)))
                .append("</text>\n");
        svg.append("<line x1=\"").append(x).append("\" y1=\"48\" x2=\"").append(x).append("\" y2=\"")
                .append(height - 20).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
    }

    private static void arrow(StringBuilder svg, int y, Direction direction, String label, String kind) {
        boolean fromClient = direction == Direction.C;
        int from = fromClient ? CLIENT_X : SERVER_X;
        int to = fromClient ? SERVER_X : CLIENT_X;
        String colour = fromClient ? "#1a73e8" : "#188038";
        svg.append("<g class=\"").append(kind).append(' ').append(fromClient ? "c" : "s").append("\">");
        svg.append("<line x1=\"").append(from).append("\" y1=\"").append(y).append("\" x2=\"").append(to)
                .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour)
                .append("\" marker-end=\"url(#arrow)\"/>");
        svg.append("<text x=\"").append((CLIENT_X + SERVER_X) / 2).append("\" y=\"").append(y - 4)
                .append("\" text-anchor=\"middle\" fill=\"").append(colour).append("\">")
                .append(escape(cut(label, MAX_LABEL))).append("</text></g>\n");
    }

    private static void note(StringBuilder svg, int y, String text, String kind) {
        svg.append("<text class=\"").append(kind).append("\" x=\"").append((CLIENT_X + SERVER_X) / 2).append("\" y=\"")
                .append(y).append("\" text-anchor=\"middle\" font-style=\"italic\" fill=\"#5f6368\">")
                .append(escape(cut(text, MAX_LABEL + 10))).append("</text>\n");
    }

    private static String literalLabel(String text) {
        String[] parts = text.split("\r?\n", -1);
        int lines = text.endsWith("\n") ? parts.length - 1 : parts.length;
        return String.format(Locale.ROOT, "literal, %,d line%s: %s", lines, lines == 1 ? "" : "s", parts[0]);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * XML-escapes, and shows control characters as their visible symbols (XML 1.0 forbids most of
     * them): the one rule for putting a server's text into XML (this ladder, a replay's JUnit report).
     */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20) {
                        out.append((char) (0x2400 + c));
                    } else if (c == 0x7F) {
                        out.append('\u2421');
                    } else if (Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        out.append('\uFFFD');
                    } else if (c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}

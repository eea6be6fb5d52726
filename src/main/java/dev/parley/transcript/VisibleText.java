package dev.parley.transcript;

/**
 * Text from a server made safe to print where a terminal or a plain-text viewer will show it
 * (the {@code .txt} export): every control character but tab becomes a visible escape, as the
 * page's own console shows it ({@code frontend/src/visible.ts}, plain form). An ESC, a BEL or an
 * OSC sequence a server sent must never reach the terminal of someone who {@code curl}s a
 * transcript: it could recolour, retitle or rewrite what they see, or plant a hyperlink.
 *
 * <ul>
 * <li>C0 controls (but tab), DEL and C1 controls: {@code \x1B}, {@code \x7F}, {@code \x9B};</li>
 * <li>bidirectional overrides and isolates (Trojan Source), zero-width and other invisible
 *     format characters, and the Unicode line and paragraph separators: {@code \u202E}.</li>
 * </ul>
 * The JSON export keeps the exact text; this form is for reading.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static String plain(String text) {
        int first = firstHidden(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || !hidden(c)) {
                out.append(c);
            } else if (c <= 0xff) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstHidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && hidden(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hidden(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c
                || c == 0x200b || c == 0x200c || c == 0x200d || c == 0x2060 || c == 0xfeff || c == 0x00ad
                || c == 0x2028 || c == 0x2029;
    }
}

package dev.parley.library;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.parley.protocol.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares a library call's trace with the same conversation typed by hand and explains each
 * difference. This is about library behaviour (what Jakarta Mail adds or writes its own way), not
 * about framing, so it lives here. Lines are aligned by what they are (a command's verb, an
 * answer's outcome) with java-diff-utils' Myers diff, so an extra {@code CAPABILITY} on one side
 * does not shift everything after it. IMAP tags are left out of the comparison: they only pair a
 * command with its answer (RFC 9051 §2.2.1), and the library and Parley number them differently.
 */
final class TraceDiff {

    /**
     * One aligned pair; {@code library} or {@code byHand} is null when only one side has the line.
     *
     * @param kind {@code same}, {@code differs}, {@code libraryOnly} or {@code byHandOnly}
     */
    record Pair(String library, String byHand, String kind, List<String> explanations) {
    }

    /**
     * The aligned conversation, how many pairs differ, and a note on what was left out of the
     * comparison (IMAP tags), or null.
     */
    record Result(List<Pair> pairs, int differences, String note) {
    }

    private static final Pattern TAG = Pattern.compile("^[A-Za-z]+\\d+$");

    private TraceDiff() {
    }

    static Result compare(List<String> library, List<String> byHand) {
        List<String> a = clean(library);
        List<String> b = clean(byHand);
        Patch<String> patch = DiffUtils.diff(a, b, (x, y) -> key(x).equals(key(y)));
        List<Pair> pairs = new ArrayList<>();
        List<String> gapA = new ArrayList<>();
        List<String> gapB = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int from = delta.getSource().getPosition();
            while (i < from) {
                pairs.add(pair(a.get(i++), b.get(j++)));
            }
            gapA.addAll(delta.getSource().getLines());
            gapB.addAll(delta.getTarget().getLines());
            i += delta.getSource().size();
            j += delta.getTarget().size();
            flush(gapA, gapB, pairs);
        }
        while (i < a.size() && j < b.size()) {
            pairs.add(pair(a.get(i++), b.get(j++)));
        }
        gapA.addAll(a.subList(i, a.size()));
        gapB.addAll(b.subList(j, b.size()));
        flush(gapA, gapB, pairs);
        int differences = (int) pairs.stream().filter(p -> !p.kind().equals("same")).count();
        return new Result(pairs, differences, tagNote(a, b));
    }

    /** Says which tags each side used, when both tagged their commands, since they were not compared. */
    private static String tagNote(List<String> library, List<String> byHand) {
        List<String> theirs = tags(library);
        List<String> yours = tags(byHand);
        if (theirs.isEmpty() || yours.isEmpty()) {
            return null;
        }
        return "Tags are left out of the comparison: the library tagged its commands " + range(theirs)
                + " and yours were " + range(yours) + ". A tag only pairs a command with its answer (RFC 9051 "
                + "§2.2.1, the lesson's \"sequence identifier\"); any tag works as long as it is unique.";
    }

    private static List<String> tags(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("C") && tagged(line)) {
                out.add(words(line)[0]);
            }
        }
        return out;
    }

    private static String range(List<String> tags) {
        return tags.size() == 1 ? tags.getFirst() : tags.getFirst() + " to " + tags.getLast();
    }

    /** Trace lines as {@code C: ...} / {@code S: ...}; a line without a prefix counts as the learner's. */
    private static List<String> clean(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            if (line == null || line.startsWith("#") || line.isBlank()) {
                continue;
            }
            out.add(line.startsWith("C: ") || line.startsWith("S: ") || line.equals("C:") || line.equals("S:")
                    ? line : "C: " + line);
        }
        return out;
    }

    /** Gap lines: those of the same direction are paired in order, the rest stand alone. */
    private static void flush(List<String> gapA, List<String> gapB, List<Pair> pairs) {
        int j = 0;
        for (String left : gapA) {
            if (j < gapB.size() && gapB.get(j).charAt(0) == left.charAt(0)) {
                pairs.add(pair(left, gapB.get(j++)));
            } else {
                pairs.add(new Pair(left, null, "libraryOnly", List.of(onlyLibrary(left))));
            }
        }
        for (; j < gapB.size(); j++) {
            pairs.add(new Pair(null, gapB.get(j), "byHandOnly", List.of(gapB.get(j).startsWith("C")
                    ? "You sent this; the library did not need it."
                    : "The server sent this only in your conversation.")));
        }
        gapA.clear();
        gapB.clear();
    }

    private static String body(String line) {
        return line.length() > 3 ? line.substring(3) : "";
    }

    private static String[] words(String line) {
        return body(line).trim().split("\\s+");
    }

    private static boolean tagged(String line) {
        String[] w = words(line);
        return w.length > 1 && TAG.matcher(w[0]).matches();
    }

    /** The line without an IMAP tag. */
    private static String untagged(String line) {
        String[] w = body(line).trim().split("\\s+", 2);
        return tagged(line) ? (w.length > 1 ? w[1] : "") : body(line).trim();
    }

    /** What a line is: the direction and the command verb, or the answer's outcome. */
    static String key(String line) {
        String rest = untagged(line);
        String first = rest.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (line.startsWith("C")) {
            return "C:" + switch (first) {
                case "EXAMINE" -> "SELECT";
                case "AUTHENTICATE" -> "LOGIN";
                default -> first;
            };
        }
        if (first.equals("*")) {
            String[] w = rest.split("\\s+");
            return "S:* " + (w.length > 2 && w[1].chars().allMatch(Character::isDigit) ? w[2] : w.length > 1 ? w[1] : "")
                    .toUpperCase(Locale.ROOT);
        }
        return "S:" + (first.length() >= 3 && first.substring(0, 3).chars().allMatch(Character::isDigit)
                ? first.substring(0, 3) : first);
    }

    private static Pair pair(String library, String byHand) {
        String l = untagged(library);
        String h = untagged(byHand);
        if (library.equals(byHand) || library.charAt(0) == byHand.charAt(0) && l.equals(h)) {
            return new Pair(library, byHand, "same", List.of());
        }
        List<String> why = new ArrayList<>();
        String lu = l.toUpperCase(Locale.ROOT);
        String hu = h.toUpperCase(Locale.ROOT);
        if (lu.equals(hu)) {
            why.add("Only capitalisation differs: command names are case-insensitive (RFC 9051 §9, RFC 5321 §2.4, "
                    + "RFC 1939 §3).");
        } else if (!l.equals(h) && library.startsWith("C")) {
            why.addAll(commandDifferences(lu, hu));
        } else if (!key(library).equals(key(byHand)) && refusedLogin(hu)) {
            why.add("The server refused your login. Passwords are masked on both sides, so the two LOGIN (or PASS) "
                    + "lines look alike: check what you typed in place of <password> (the practice users are "
                    + "bob / redqueen, frobozz / xyzzy, demo / demo).");
        } else {
            why.add(key(library).equals(key(byHand))
                    ? "Same kind of answer; details differ (counts, unique ids, times, the server's wording)."
                    : "Different answers: the server answered the two conversations differently here.");
        }
        return new Pair(library, byHand, "differs", why);
    }

    /** An IMAP {@code NO}/{@code BAD}, POP3 {@code -ERR} or SMTP 5xx about logging in. */
    private static boolean refusedLogin(String answer) {
        boolean refused = answer.startsWith("NO ") || answer.startsWith("BAD ") || answer.startsWith("-ERR")
                || answer.startsWith("535") || answer.startsWith("5");
        return refused && (answer.contains("LOGIN") || answer.contains("AUTHENTICAT") || answer.contains("PASSWORD")
                || answer.contains("CREDENTIALS"));
    }

    private static List<String> commandDifferences(String l, String h) {
        List<String> why = new ArrayList<>();
        if (l.startsWith("EXAMINE") && h.startsWith("SELECT") || l.startsWith("SELECT") && h.startsWith("EXAMINE")) {
            why.add("EXAMINE vs SELECT: the library opened the folder READ_ONLY, which it does with EXAMINE "
                    + "(RFC 9051 §6.3.3): the same answer, but nothing in the folder can change, not even \\Seen.");
        }
        if (l.startsWith("AUTHENTICATE") || h.startsWith("AUTHENTICATE")) {
            why.add("The library logged in with AUTHENTICATE (SASL, RFC 9051 §6.2.2) because the server offered it; "
                    + "LOGIN sends the same user name and password in one line.");
        }
        if (l.contains("BODY.PEEK[") && !h.contains("BODY.PEEK[")) {
            why.add("BODY.PEEK[…] fetches without setting \\Seen (RFC 9051 §6.4.5): the library peeks, so reading "
                    + "does not mark the message read; BODY[…] does.");
        }
        if (l.matches(".*\\]<\\d+\\.\\d+>.*")) {
            why.add("The library fetches bodies in pieces of mail.imap.fetchsize octets: <0.16384> asks for the "
                    + "first 16384; a smaller message comes whole in one piece.");
        }
        if ((l.contains("BODY[]") || l.contains("BODY.PEEK[]")) && h.contains("RFC822")) {
            why.add("BODY[] is the IMAP4rev1 name of RFC822: the whole message.");
        }
        if (l.startsWith("SEARCH")) {
            why.add("The library writes SEARCH from a SearchTerm: it leaves the quotes off a simple string and adds "
                    + "ALL; the criteria mean the same.");
        }
        if (l.startsWith("LIST")) {
            why.add("The library quotes the pattern: \"*\" and * mean the same.");
        }
        if (l.startsWith("EHLO") || l.startsWith("HELO")) {
            why.add("Each client names itself in EHLO; the name does not change the conversation.");
        }
        if (why.isEmpty()) {
            why.add("Same command, different arguments.");
        }
        return why;
    }

    private static String onlyLibrary(String line) {
        if (line.startsWith("S")) {
            return "The server's answer to a line only the library sent, or more lines than in your conversation.";
        }
        String verb = untagged(line).split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "CAPABILITY", "CAPA" -> "The library asks what the server supports on its own: before logging in, "
                    + "to choose how, and after, because capabilities may change. By hand it is optional.";
            case "NOOP" -> "The library sent NOOP to check the connection is alive and to hear of new messages "
                    + "before it trusts its cached counts.";
            case "CLOSE" -> "The library closes the folder (CLOSE) when the Java code closes it.";
            case "LOGOUT", "QUIT" -> "The library ends the session when the store is closed.";
            case "EHLO", "HELO" -> "The library greets the server first.";
            case Secrets.MASK -> "A line of the login exchange (credentials, masked).";
            default -> "The library sent this line; you did not.";
        };
    }
}

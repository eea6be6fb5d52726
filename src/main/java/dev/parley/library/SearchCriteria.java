package dev.parley.library;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IMAP search keys as typed in the lesson ({@code FROM "cris"}, RFC 9051 §6.4.4) turned into a
 * Jakarta Mail {@link SearchTerm}, with the Java that builds it. Jakarta Mail has no way to send a
 * SEARCH as typed: it writes its own command from the term, which is part of what the learner sees.
 */
final class SearchCriteria {

    /** The term, and the Java expression that builds it. */
    record Built(SearchTerm term, String java) {
    }

    private final List<String> tokens;
    private int at;

    private SearchCriteria(List<String> tokens) {
        this.tokens = tokens;
    }

    static Built parse(String criteria) throws LibraryCallException {
        String text = criteria == null ? "" : criteria.trim();
        if (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).trim();
        }
        SearchCriteria parser = new SearchCriteria(tokens(text));
        List<Built> keys = new ArrayList<>();
        while (parser.at < parser.tokens.size()) {
            keys.add(parser.key());
        }
        if (keys.isEmpty()) {
            throw bad("Give at least one search key, such as FROM \"cris\".");
        }
        if (keys.size() == 1) {
            return keys.getFirst();
        }
        SearchTerm[] terms = keys.stream().map(Built::term).toArray(SearchTerm[]::new);
        return new Built(new AndTerm(terms), "new AndTerm(new SearchTerm[] {"
                + String.join(", ", keys.stream().map(Built::java).toList()) + "})");
    }

    private Built key() throws LibraryCallException {
        String key = tokens.get(at++).toUpperCase(Locale.ROOT);
        return switch (key) {
            case "FROM" -> string(key, s -> new Built(new FromStringTerm(s), "new FromStringTerm(" + java(s) + ")"));
            case "TO", "CC", "BCC" -> string(key, s -> new Built(
                    new RecipientStringTerm(recipientType(key), s),
                    "new RecipientStringTerm(Message.RecipientType." + key + ", " + java(s) + ")"));
            case "SUBJECT" -> string(key, s -> new Built(new SubjectTerm(s), "new SubjectTerm(" + java(s) + ")"));
            case "BODY" -> string(key, s -> new Built(new BodyTerm(s), "new BodyTerm(" + java(s) + ")"));
            case "SEEN", "ANSWERED", "FLAGGED", "DELETED", "DRAFT" -> flag(key, true);
            case "UNSEEN", "UNANSWERED", "UNFLAGGED", "UNDELETED", "UNDRAFT" -> flag(key.substring(2), false);
            case "NOT" -> {
                if (at >= tokens.size()) {
                    throw bad("NOT needs a search key after it, such as NOT SEEN.");
                }
                Built inner = key();
                yield new Built(new NotTerm(inner.term()), "new NotTerm(" + inner.java() + ")");
            }
            default -> throw bad("Library mode does not know the search key “" + key + "”. Use FROM, TO, CC, BCC, "
                    + "SUBJECT or BODY with a string, SEEN, UNSEEN, ANSWERED, FLAGGED, DELETED, DRAFT, or NOT.");
        };
    }

    private interface StringKey {
        Built build(String value);
    }

    private Built string(String key, StringKey build) throws LibraryCallException {
        if (at >= tokens.size()) {
            throw bad(key + " needs a string after it, such as " + key + " \"cris\".");
        }
        return build.build(tokens.get(at++));
    }

    private static Built flag(String name, boolean set) {
        Flags.Flag flag = switch (name) {
            case "SEEN" -> Flags.Flag.SEEN;
            case "ANSWERED" -> Flags.Flag.ANSWERED;
            case "FLAGGED" -> Flags.Flag.FLAGGED;
            case "DELETED" -> Flags.Flag.DELETED;
            default -> Flags.Flag.DRAFT;
        };
        return new Built(new FlagTerm(new Flags(flag), set),
                "new FlagTerm(new Flags(Flags.Flag." + name + "), " + set + ")");
    }

    private static Message.RecipientType recipientType(String key) {
        return switch (key) {
            case "TO" -> Message.RecipientType.TO;
            case "CC" -> Message.RecipientType.CC;
            default -> Message.RecipientType.BCC;
        };
    }

    /** Atoms and quoted strings (with backslash escapes), as IMAP writes them. */
    private static List<String> tokens(String text) throws LibraryCallException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= text.length()) {
                    throw bad("A quoted string in the criteria has no closing quote.");
                }
                i++;
                out.add(value.toString());
            } else if (c == '(' || c == ')') {
                throw bad("Library mode takes a flat list of search keys (all must match), without inner parentheses.");
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
                    i++;
                }
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    static String java(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static LibraryCallException bad(String message) {
        return new LibraryCallException(LibraryCallException.Kind.BAD_REQUEST, message);
    }
}

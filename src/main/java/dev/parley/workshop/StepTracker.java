package dev.parley.workshop;

import dev.parley.protocol.Protocol;
import dev.parley.session.SessionEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which walkthrough move one conversation just did (the lesson's five: hello, identify, ask,
 * answers, goodbye), read from what the attendee sent and what the server answered, not from
 * which buttons they pressed: a move counts when the server accepted it. Their own credentials,
 * their own recipients and the lesson's tags all count alike.
 */
final class StepTracker {

    /** The last client lines, by sequence number, to know what a completion answered. */
    private static final int REMEMBERED = 32;

    private final Protocol protocol;
    private final Map<Long, String> sent = new LinkedHashMap<>(REMEMBERED, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    StepTracker(Protocol protocol) {
        this.protocol = protocol;
    }

    /** The move an event completed, if any. */
    Optional<String> step(SessionEvent event) {
        return switch (event) {
            case SessionEvent.Line line when "C".equals(line.dir()) -> {
                String text = line.redacted() != null ? line.redacted() : line.text();
                sent.put(line.seq(), text);
                yield protocol == Protocol.HTTP ? http(text) : Optional.empty();
            }
            case SessionEvent.Complete complete when !complete.status().equals("error") ->
                complete.seq() == 0 ? Optional.of("hello") : answered(sent.get(complete.seq()));
            case SessionEvent.Closed closed -> protocol == Protocol.HTTP ? Optional.of("goodbye") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<String> answered(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String verb = verb(line);
        return Optional.ofNullable(switch (protocol) {
            case SMTP -> Set.of("EHLO", "HELO").contains(verb) ? "identify"
                    : Set.of("MAIL", "RCPT", "DATA").contains(verb) ? "ask"
                    : line.equals(".") ? "answers" : verb.equals("QUIT") ? "goodbye" : null;
            case POP3 -> Set.of("PASS", "APOP", "AUTH").contains(verb) ? "identify"
                    : Set.of("STAT", "LIST", "UIDL").contains(verb) ? "ask"
                    : Set.of("RETR", "TOP", "DELE").contains(verb) ? "answers" : verb.equals("QUIT") ? "goodbye" : null;
            case IMAP -> Set.of("LOGIN", "AUTHENTICATE").contains(verb) ? "identify"
                    : Set.of("SELECT", "EXAMINE", "LIST", "STATUS", "SEARCH").contains(verb) ? "ask"
                    : verb.equals("FETCH") ? "answers" : verb.equals("LOGOUT") ? "goodbye" : null;
            case HTTP -> "answers";
            case RAW -> null;
        });
    }

    /** HTTP has no greeting: the request's own lines are the first moves. */
    private static Optional<String> http(String line) {
        if (line.matches("[A-Z]+ \\S+ HTTP/\\d(\\.\\d)?")) {
            return Optional.of("hello");
        }
        if (line.regionMatches(true, 0, "Host:", 0, 5)) {
            return Optional.of("identify");
        }
        return line.isEmpty() ? Optional.of("ask") : Optional.empty();
    }

    /** The command word; IMAP's tag (and a UID prefix) skipped. */
    private String verb(String line) {
        String[] words = line.strip().split("\\s+");
        int at = protocol == Protocol.IMAP && words.length > 1 ? 1 : 0;
        if (protocol == Protocol.IMAP && words.length > at + 1 && words[at].equalsIgnoreCase("UID")) {
            at++;
        }
        return words.length > at ? words[at].toUpperCase(Locale.ROOT) : "";
    }
}

package dev.parley.replay;

import dev.parley.session.ConnectRequest;
import dev.parley.session.LiveSession;
import dev.parley.session.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drives one replay's connection through the live engine and reads its events back per step,
 * recording each in the replay's {@link ReplayRecording}. A step ends when the session's
 * {@code complete} event answers the step's last client line, as the protocol's own framing
 * decided; a step whose last line expects no answer (an IMAP literal's go-ahead) ends once its
 * expected lines have arrived and the server has been quiet for {@link #QUIET}.
 */
final class ReplayConversation {

    static final Duration QUIET = Duration.ofMillis(300);

    /**
     * What the server answered to one step.
     *
     * @param lines   the server's lines as anyone may see them (secrets masked)
     * @param clear   the same lines' clear text, only to read captures from; never reported
     * @param sent    the client lines as written on the wire, secrets masked
     * @param problem why the answer is not complete; null when it is
     */
    record Answer(List<String> lines, List<String> clear, List<String> sent, String problem) {
    }

    private final LiveSession session;
    private final EventCollector events;
    private final ReplayRecording recording;
    private final long deadline;
    private final Duration answerTimeout;
    private boolean closed;
    private String closedReason;

    ReplayConversation(LiveSession session, EventCollector events, ReplayRecording recording, long deadline,
            Duration answerTimeout) {
        this.session = session;
        this.events = events;
        this.recording = recording;
        this.deadline = deadline;
        this.answerTimeout = answerTimeout;
    }

    /** The text of a line as a transcript, a report or a second viewer may show it. */
    static String shown(SessionEvent.Line line) {
        return line.redacted() != null ? line.redacted() : line.text();
    }

    /** Connects; returns the conversation's id, or throws when the target refused or failed. */
    String connect(ConnectRequest request) throws InterruptedException {
        session.connect(request);
        while (true) {
            SessionEvent event = events.next(deadline);
            if (event != null) {
                recording.add(event);
            }
            switch (event) {
                case null -> throw new ReplayFailedException("TIMEOUT", "The connection to " + request.host() + ":"
                        + request.port() + " did not open within the replay's time limit.");
                case SessionEvent.Connected connected -> {
                    return connected.session();
                }
                case SessionEvent.Error error -> throw new ReplayFailedException(error.code(), error.message());
                default -> {
                }
            }
        }
    }

    /** Sends the step's lines as written ({@code raw}) and collects the answer. */
    Answer step(List<String> sent, List<String> expected) throws InterruptedException {
        List<String> actual = new ArrayList<>();
        List<String> clear = new ArrayList<>();
        List<String> written = new ArrayList<>();
        if (closed) {
            return new Answer(actual, clear, written, "The connection was already closed (" + closedReason + ").");
        }
        for (String line : sent) {
            session.send(line, true);
        }
        long lastClientSeq = -1;
        long stepDeadline = Math.min(deadline, System.nanoTime() + answerTimeout.toNanos());
        long quietUntil = Long.MAX_VALUE;
        while (true) {
            SessionEvent event = events.next(Math.min(stepDeadline, quietUntil));
            if (event == null) {
                if (quietUntil <= stepDeadline && System.nanoTime() >= quietUntil) {
                    return new Answer(actual, clear, written, null);
                }
                return new Answer(actual, clear, written, timeoutReason());
            }
            recording.add(event);
            if (recording.full()) {
                return new Answer(actual, clear, written, String.format(Locale.ROOT, "This replay reached the most"
                        + " text it keeps (%,d characters, parley.replay.max-recorded); it stopped here.",
                        recording.maxChars()));
            }
            switch (event) {
                case SessionEvent.Line line when "C".equals(line.dir()) -> {
                    written.add(shown(line));
                    lastClientSeq = line.seq();
                }
                case SessionEvent.Line line -> {
                    actual.add(shown(line));
                    clear.add(line.text());
                }
                case SessionEvent.Literal literal -> {
                    List<String> parts = List.of(literal.text().split("\r?\n"));
                    actual.addAll(parts);
                    clear.addAll(parts);
                }
                case SessionEvent.Complete complete -> {
                    if (written.size() >= sent.size() && complete.seq() >= lastClientSeq) {
                        return new Answer(actual, clear, written, null);
                    }
                }
                case SessionEvent.Error error -> {
                    if (!"TIMEOUT".equals(error.code())) {
                        return new Answer(actual, clear, written, "Parley could not go on: " + error.message());
                    }
                }
                case SessionEvent.Closed c -> {
                    closed = true;
                    closedReason = c.reason();
                    return new Answer(actual, clear, written, written.size() >= sent.size() && !actual.isEmpty() ? null
                            : "The connection closed before the answer was complete: " + c.reason());
                }
                default -> {
                }
            }
            // Whether the answer looks complete is asked once a burst is taken, not for every line: the
            // comparison costs time in the length of the answer.
            if (!events.ready()) {
                quietUntil = written.size() >= sent.size() && looksComplete(expected, actual)
                        ? System.nanoTime() + QUIET.toNanos() : Long.MAX_VALUE;
            }
        }
    }

    private static boolean looksComplete(List<String> expected, List<String> actual) {
        if (expected.isEmpty() || actual.isEmpty()) {
            return false;
        }
        String last = expected.getLast();
        boolean lastFits = LinePatterns.isWholeLine(last) || LinePatterns.matches(last, actual.getLast());
        return lastFits && LinePatterns.matchAll(expected, actual);
    }

    private String timeoutReason() {
        if (System.nanoTime() >= deadline) {
            return "The replay's time limit ran out before this step's answer was complete.";
        }
        return String.format(Locale.ROOT, "No complete answer within %d s.", answerTimeout.toSeconds());
    }

    /** Ends the connection (if the server has not) and waits briefly for it to be gone. */
    void hangUp() throws InterruptedException {
        if (!closed && session.connected()) {
            session.disconnect("The replay was over.");
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            for (SessionEvent e = events.next(until); e != null; e = events.next(until)) {
                recording.add(e);
                if (e instanceof SessionEvent.Closed) {
                    break;
                }
            }
        }
    }
}

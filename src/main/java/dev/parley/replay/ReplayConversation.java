package dev.parley.replay;

import dev.parley.session.ConnectRequest;
import dev.parley.session.LiveSession;
import dev.parley.session.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drives one replay's connection through the live engine and reads its events back per step.
 * A step ends when the session's {@code complete} event answers the step's last client line, as
 * the protocol's own framing decided; a step whose last line expects no answer (an IMAP literal's
 * go-ahead) ends once its expected lines have arrived and the server has been quiet for
 * {@link #QUIET}.
 */
final class ReplayConversation {

    static final Duration QUIET = Duration.ofMillis(300);

    /** What the server answered to one step; {@code problem} says why the answer is not complete. */
    record Answer(List<String> lines, String problem) {
    }

    private final LiveSession session;
    private final EventCollector events;
    private final long deadline;
    private final Duration answerTimeout;
    private boolean closed;
    private String closedReason;

    ReplayConversation(LiveSession session, EventCollector events, long deadline, Duration answerTimeout) {
        this.session = session;
        this.events = events;
        this.deadline = deadline;
        this.answerTimeout = answerTimeout;
    }

    /** Connects; returns the conversation's id, or throws when the target refused or failed. */
    String connect(ConnectRequest request) throws InterruptedException {
        session.connect(request);
        while (true) {
            SessionEvent event = events.next(deadline);
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
        if (closed) {
            return new Answer(List.of(), "The connection was already closed (" + closedReason + ").");
        }
        for (String line : sent) {
            session.send(line, true);
        }
        List<String> actual = new ArrayList<>();
        int seenClient = 0;
        long lastClientSeq = -1;
        long stepDeadline = Math.min(deadline, System.nanoTime() + answerTimeout.toNanos());
        long quietUntil = Long.MAX_VALUE;
        while (true) {
            SessionEvent event = events.next(Math.min(stepDeadline, quietUntil));
            if (event == null) {
                if (quietUntil <= stepDeadline && System.nanoTime() >= quietUntil) {
                    return new Answer(actual, null);
                }
                return new Answer(actual, timeoutReason());
            }
            switch (event) {
                case SessionEvent.Line line when "C".equals(line.dir()) -> {
                    seenClient++;
                    lastClientSeq = line.seq();
                }
                case SessionEvent.Line line -> actual.add(line.redacted() != null ? line.redacted() : line.text());
                case SessionEvent.Literal literal -> actual.addAll(List.of(literal.text().split("\r?\n")));
                case SessionEvent.Complete complete -> {
                    if (seenClient >= sent.size() && complete.seq() >= lastClientSeq) {
                        return new Answer(actual, null);
                    }
                }
                case SessionEvent.Error error -> {
                    if (!"TIMEOUT".equals(error.code())) {
                        return new Answer(actual, "Parley could not go on: " + error.message());
                    }
                }
                case SessionEvent.Closed c -> {
                    closed = true;
                    closedReason = c.reason();
                    return new Answer(actual, seenClient >= sent.size() && !actual.isEmpty() ? null
                            : "The connection closed before the answer was complete: " + c.reason());
                }
                default -> {
                }
            }
            boolean allSent = seenClient >= sent.size();
            quietUntil = allSent && !expected.isEmpty() && !actual.isEmpty() && LinePatterns.matchAll(expected, actual)
                    ? System.nanoTime() + QUIET.toNanos() : Long.MAX_VALUE;
        }
    }

    private String timeoutReason() {
        if (System.nanoTime() >= deadline) {
            return "The replay's time limit ran out before this step's answer was complete.";
        }
        return String.format(Locale.ROOT, "No complete answer within %d s.", answerTimeout.toSeconds());
    }

    boolean closed() {
        return closed;
    }

    /** Ends the connection (if the server has not) and waits briefly for it to be gone. */
    void hangUp() throws InterruptedException {
        if (!closed && session.connected()) {
            session.disconnect("The replay was over.");
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            for (SessionEvent e = events.next(until); e != null; e = events.next(until)) {
                if (e instanceof SessionEvent.Closed) {
                    break;
                }
            }
        }
    }
}

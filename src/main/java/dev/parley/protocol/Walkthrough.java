package dev.parley.protocol;

import java.util.List;

/**
 * A guided conversation with a practice server, in the five moves of the lesson: say hello,
 * identify yourself, ask for information, get answers, say goodbye.
 *
 * @param protocol the protocol it teaches
 * @param steps    the steps in order; several steps may share a move
 */
public record Walkthrough(Protocol protocol, List<Step> steps) {

    /** The lesson's moves, used as step ids. */
    public static final List<String> MOVES = List.of("hello", "identify", "ask", "answers", "goodbye");

    public Walkthrough {
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param id          the move it belongs to: {@code hello}, {@code identify}, {@code ask},
     *                    {@code answers} or {@code goodbye}
     * @param title       a short title
     * @param line        the exact line the step's button puts in the input ({@code ""} is an empty
     *                    line); null when the step is only to watch what the server does
     * @param explanation what the line does, for a learner
     * @param notice      what to notice in the reply
     */
    public record Step(String id, String title, String line, String explanation, String notice) {

        public Step {
            if (!MOVES.contains(id)) {
                throw new IllegalArgumentException("A step belongs to one of " + MOVES + ", not " + id);
            }
        }
    }
}

package dev.parley.bench;

import dev.parley.bench.BenchSession.Answers;
import java.util.concurrent.CompletableFuture;

/**
 * The line server's bytes as lines, for the baselines that frame in the client (direct TCP and
 * websockify): the first line completes the greeting, every later one is an answer, CR LF or LF.
 */
final class ReplyLines {

    private final StringBuilder line = new StringBuilder(64);
    private final CompletableFuture<Void> greeted;
    private final Answers answers;

    ReplyLines(CompletableFuture<Void> greeted, Answers answers) {
        this.greeted = greeted;
        this.answers = answers;
    }

    /** One byte; {@code nanos} is when the read that brought it returned. */
    void accept(int b, long nanos) {
        if (b != '\n') {
            line.append((char) (b & 0xFF));
            return;
        }
        int length = line.length();
        String text = line.substring(0, length > 0 && line.charAt(length - 1) == '\r' ? length - 1 : length);
        line.setLength(0);
        if (!greeted.isDone()) {
            greeted.complete(null);
        } else {
            answers.answer(text, nanos);
        }
    }
}

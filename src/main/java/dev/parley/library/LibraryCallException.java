package dev.parley.library;

import java.util.List;

/**
 * A library call that could not be done or failed part way, with a sentence for the learner and,
 * once the call started, the partial trace that led to the failure.
 */
public class LibraryCallException extends Exception {

    /** What kind of failure: decides the HTTP status and the problem type. */
    public enum Kind {
        /** The request itself is wrong (unknown call, bad argument): 400. */
        BAD_REQUEST(400),
        /** The target policy refused the target: 403. */
        TARGET_DENIED(403),
        /** The server answered and said no (bad credentials, no such folder or message, refused recipient): 422. */
        REFUSED(422),
        /** No connection: refused, unknown host, no route, TLS failed: 502. */
        CONNECT_FAILED(502),
        /** The server did not answer in time: 504. */
        TIMEOUT(504),
        /** A cap refused the call (calls a minute, connect attempts, stored transcripts): 429. */
        LIMIT(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final transient LibraryFailure failure;

    public LibraryCallException(Kind kind, String message) {
        this(kind, message, null);
    }

    public LibraryCallException(Kind kind, String message, LibraryFailure failure) {
        super(message);
        this.kind = kind;
        this.failure = failure;
    }

    public Kind kind() {
        return kind;
    }

    /** What ran before the failure: code, partial trace; null when the call never started. */
    public LibraryFailure failure() {
        return failure;
    }

    /** The parts of a response that exist even when a call failed. */
    public record LibraryFailure(String call, String java, String python, List<String> trace,
            List<ByHand.Step> byHand, String transcriptId) {
    }
}

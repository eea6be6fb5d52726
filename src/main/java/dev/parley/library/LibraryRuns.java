package dev.parley.library;

import dev.parley.protocol.Protocol;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where finished library runs are stored as transcripts (origin {@code library}), like live
 * sessions. The seam between library mode and the transcript store: a bean of this type, when
 * there is one, is called once per call with the finished, already-masked trace; without one,
 * nothing is stored and responses carry {@code transcriptId: null}.
 */
@FunctionalInterface
public interface LibraryRuns {

    /** Stores nothing. */
    LibraryRuns NONE = run -> Optional.empty();

    /**
     * Records one run. Must not throw for a storage problem (log it and return empty): the
     * learner's call succeeded or failed on its own.
     *
     * @return the stored transcript's id
     */
    Optional<String> recorded(LibraryRun run);

    /**
     * One finished library call.
     *
     * @param host      the host the learner typed
     * @param trace     {@code C: } / {@code S: } lines, secrets already masked (CONTRACTS.md §2)
     * @param error     the learner-facing failure message, or null when the call succeeded
     * @param owner     who owns the transcript; null for nobody
     */
    record LibraryRun(String call, Protocol protocol, String host, int port, boolean implicitTls, String username,
            Instant startedAt, List<String> trace, String error, String owner) {
    }
}

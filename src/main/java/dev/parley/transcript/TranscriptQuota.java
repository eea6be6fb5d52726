package dev.parley.transcript;

import dev.parley.security.CapExceededException;
import dev.parley.security.Caps;
import org.springframework.stereotype.Component;

/**
 * The per-client cap on stored transcripts ({@code parley.limits.transcript-storage}), asked by
 * every door before it starts something that will be recorded: a connect, a replay, a library
 * call, an import. What is already stored is never touched; only new work is refused.
 */
@Component
public class TranscriptQuota {

    private final TranscriptStore store;
    private final Caps caps;

    public TranscriptQuota(TranscriptStore store, Caps caps) {
        this.store = store;
        this.caps = caps;
    }

    /** @throws CapExceededException {@code owner}'s transcripts already hold as much as one person may keep */
    public void check(String owner) throws CapExceededException {
        if (owner != null && caps.storageCapped()) {
            caps.storage(store.storedChars(owner));
        }
    }
}

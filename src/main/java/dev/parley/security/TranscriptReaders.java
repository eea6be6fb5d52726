package dev.parley.security;

import java.util.List;

/**
 * Whose transcripts an identity may list and read through the API: its own; an instructor also
 * those of the attendees of the workshops they run (the workshop feature supplies that). A share
 * link ({@code /t/{id}}) is readable by whoever holds it, whatever this says.
 */
public interface TranscriptReaders {

    /** The owner ids whose transcripts {@code identity} may read; empty for nobody's. */
    List<String> owners(Identity identity);

    /** Only one's own. */
    TranscriptReaders OWN = identity -> identity.id() == null ? List.of() : List.of(identity.id());
}

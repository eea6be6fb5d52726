package dev.parley.transcript;

import dev.parley.library.LibraryRuns;
import dev.parley.protocol.Direction;
import dev.parley.protocol.Terminator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores each library-mode run as a transcript (origin {@code library}), like live sessions: its
 * trace is already in the {@code C:}/{@code S:} notation with secrets masked, so each line is kept
 * as written; a failed call ends with a note saying why.
 */
@Component
class LibraryTranscripts implements LibraryRuns {

    private static final Logger log = LoggerFactory.getLogger(LibraryTranscripts.class);

    private final TranscriptStore store;

    LibraryTranscripts(TranscriptStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> recorded(LibraryRun run) {
        try {
            String id = TranscriptIds.next();
            Instant ended = Instant.now();
            List<TranscriptLine> lines = new ArrayList<>();
            for (String traced : run.trace()) {
                Direction direction = traced.startsWith("C: ") ? Direction.C : Direction.S;
                String text = traced.length() >= 3 && traced.charAt(1) == ':' ? traced.substring(3) : traced;
                lines.add(new TranscriptLine(lines.size() + 1, direction, null, text, Terminator.CRLF,
                        run.implicitTls(), LineKind.LINE));
            }
            if (run.error() != null) {
                lines.add(new TranscriptLine(lines.size() + 1, null, ended, run.error(), Terminator.NONE, false,
                        LineKind.NOTE));
            }
            Closing closing = run.error() == null
                    ? new Closing("client", "Library call " + run.call() + " finished.")
                    : new Closing("error", run.error());
            store.save(new Transcript(new TranscriptMeta(id, run.protocol(), "library",
                    new HostPort(run.host(), run.port()), null, run.startedAt(), ended, closing), lines), run.owner());
            return Optional.of(id);
        } catch (RuntimeException e) {
            log.warn("The library run {} could not be stored as a transcript", run.call(), e);
            return Optional.empty();
        }
    }
}

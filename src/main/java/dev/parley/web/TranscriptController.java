package dev.parley.web;

import dev.parley.protocol.Octets;
import dev.parley.protocol.Protocol;
import dev.parley.security.CapExceededException;
import dev.parley.security.Identity;
import dev.parley.security.TranscriptReaders;
import dev.parley.session.SessionLimits;
import dev.parley.transcript.TranscriptQuota;
import dev.parley.transcript.LadderDiagram;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptIds;
import dev.parley.transcript.TranscriptPage;
import dev.parley.transcript.TranscriptStore;
import dev.parley.transcript.TranscriptSummary;
import dev.parley.transcript.TranscriptText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stored transcripts (CONTRACTS.md §3): list, read as JSON, text or SVG, import and delete — each
 * identity its own (issue #9): another's transcript is "not found", as if it did not exist. A
 * share link {@code /t/{id}} is how a transcript is shown to anyone else.
 */
@RestController
@RequestMapping("/api/transcripts")
@Tag(name = "transcripts", description = "Recorded and imported conversations")
class TranscriptController {

    static final String SVG = "image/svg+xml";

    private final TranscriptStore store;
    private final SessionLimits limits;
    private final TranscriptReaders readers;
    private final TranscriptQuota quota;

    TranscriptController(TranscriptStore store, SessionLimits limits, TranscriptReaders readers, TranscriptQuota quota) {
        this.store = store;
        this.limits = limits;
        this.readers = readers;
        this.quota = quota;
    }

    @GetMapping
    @Operation(summary = "Saved transcripts, newest first, paged; optionally one protocol's only")
    TranscriptPage list(HttpServletRequest request, @RequestParam(required = false) String protocol,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Protocol only = null;
        if (protocol != null && !protocol.isBlank()) {
            only = Protocol.fromId(protocol).orElseThrow(() -> Problems.field(HttpStatus.BAD_REQUEST, "protocol",
                    "unknown protocol “" + protocol + "”: use smtp, pop3, imap, http or raw"));
        }
        if (page < 0) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "page", "must be 0 or more");
        }
        if (size < 1 || size > 100) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "size", "must be between 1 and 100");
        }
        return store.list(readers.owners(Identity.of(request)), only, page, size);
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One transcript: metadata and every line (redacted)")
    TranscriptJson one(HttpServletRequest request, @PathVariable String id) {
        return TranscriptJson.of(find(request, id));
    }

    @GetMapping(value = "/{id}.txt", produces = "text/plain;charset=UTF-8")
    @Operation(summary = "One transcript in the text format of the lesson (CONTRACTS.md §2)")
    String text(HttpServletRequest request, @PathVariable String id) {
        return TranscriptText.print(find(request, id));
    }

    @GetMapping(value = "/{id}.svg", produces = SVG)
    @Operation(summary = "One transcript as a ladder diagram")
    ResponseEntity<String> svg(HttpServletRequest request, @PathVariable String id) {
        return svgOf(find(request, id));
    }

    /** An SVG that can never run anything, even opened on its own. */
    static ResponseEntity<String> svgOf(Transcript transcript) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SVG))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(LadderDiagram.render(transcript));
    }

    @PostMapping
    @Operation(summary = "Import a transcript written in the text format",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/plain")))
    ResponseEntity<TranscriptSummary> importText(HttpServletRequest request) throws IOException {
        Identity identity = Identity.of(request);
        try {
            quota.check(identity.id());
        } catch (CapExceededException e) {
            throw Problems.field(HttpStatus.TOO_MANY_REQUESTS, "transcript", e.getMessage());
        }
        Transcript parsed = TranscriptText.parse(RequestBodies.text(request));
        if (parsed.meta().protocol() == null) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "protocol",
                    "the transcript needs a “# protocol: …” line (smtp, pop3, imap, http or raw)");
        }
        long chars = parsed.lines().stream().mapToLong(l -> l.text().length()).sum();
        if (parsed.lines().size() > limits.maxTranscriptLines() || chars > limits.maxTranscriptSize().toBytes()) {
            // A transcript holds what a recorded one may hold, so every rendering of it stays bounded too.
            throw Problems.field(HttpStatus.PAYLOAD_TOO_LARGE, "transcript", String.format(java.util.Locale.ROOT,
                    "it has %,d lines and %s of text; a transcript may have at most %,d lines and %s"
                            + " (parley.limits.max-transcript-lines, max-transcript-size)", parsed.lines().size(),
                    Octets.words(chars), limits.maxTranscriptLines(), Octets.words(limits.maxTranscriptSize().toBytes())));
        }
        if (parsed.lines().stream().noneMatch(l -> l.traffic())) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "transcript", "it has no “C:” or “S:” line");
        }
        // Secrets typed into a hand-written transcript are masked as a live session masks them.
        Transcript stored = parsed.masked().withMeta(parsed.meta().withId(TranscriptIds.next()).withOrigin("import")
                .withStarted(parsed.meta().started() != null ? parsed.meta().started()
                        : Instant.now().truncatedTo(ChronoUnit.MICROS)));
        store.save(stored, identity.id());
        TranscriptSummary summary = new TranscriptSummary(stored.id(), stored.meta().protocol().id(), "import",
                stored.meta().target() == null ? null : stored.meta().target().toString(), stored.meta().started(),
                stored.meta().ended(), stored.meta().closed() == null ? null : stored.meta().closed().by(),
                stored.lines().size());
        return ResponseEntity.created(URI.create("/api/transcripts/" + stored.id())).body(summary);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a transcript")
    ResponseEntity<Void> delete(HttpServletRequest request, @PathVariable String id) {
        if (!store.delete(id, Identity.of(request).id())) {
            throw Problems.notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private Transcript find(HttpServletRequest request, String id) {
        return store.find(id, readers.owners(Identity.of(request))).orElseThrow(() -> Problems.notFound(id));
    }
}

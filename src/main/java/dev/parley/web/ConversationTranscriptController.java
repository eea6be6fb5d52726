package dev.parley.web;

import dev.parley.transcript.TranscriptRecorder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * From a live conversation to its transcript: the {@code connected} event names the conversation
 * ({@code session}), and the page asks here for the transcript recording it, to offer its share
 * link. Conversation ids are random UUIDs known only to the tab that opened them, so this reveals
 * nothing a second viewer could guess. The recorder knows the mapping from the moment the
 * conversation opens until its last lines are written.
 */
@RestController
@Tag(name = "transcripts", description = "Recorded and imported conversations")
class ConversationTranscriptController {

    /** Where a conversation's transcript is: its id and the share page. */
    record TranscriptRef(String id, String url) {
    }

    private final TranscriptRecorder recorder;

    ConversationTranscriptController(TranscriptRecorder recorder) {
        this.recorder = recorder;
    }

    @GetMapping("/api/transcripts/by-conversation/{conversationId}")
    @Operation(summary = "The transcript recording a live conversation (the session of its connected event)")
    TranscriptRef byConversation(@PathVariable String conversationId) {
        return recorder.transcriptId(conversationId).map(id -> new TranscriptRef(id, "/t/" + id))
                .orElseThrow(() -> notFound(conversationId));
    }

    private static ErrorResponseException notFound(String conversationId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No conversation being recorded has the id “" + conversationId
                        + "”. Its transcript may be complete already: find it in GET /api/transcripts.");
        problem.setTitle("Conversation not found");
        problem.setType(URI.create("https://parley.dev/problems/unknown-conversation"));
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}

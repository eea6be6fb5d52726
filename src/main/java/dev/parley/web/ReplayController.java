package dev.parley.web;

import dev.parley.protocol.Protocol;
import dev.parley.replay.Match;
import dev.parley.replay.ReplayOptions;
import dev.parley.replay.ReplayReport;
import dev.parley.replay.ReplayTarget;
import dev.parley.replay.Replayer;
import dev.parley.transcript.HostPort;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/replay}: check a transcript against a server with one call (CONTRACTS.md §3). */
@RestController
@Tag(name = "replay", description = "Run a transcript against a server and compare the answers")
class ReplayController {

    private final Replayer replayer;
    private final JsonMapper json;

    ReplayController(Replayer replayer, JsonMapper json) {
        this.replayer = replayer;
        this.json = json;
    }

    @PostMapping("/api/replay")
    @Operation(summary = "Replay a transcript: send its C: lines, compare the answers with its S: lines",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReplayRequest.class))))
    ReplayReport replay(HttpServletRequest http) throws IOException, InterruptedException {
        ReplayRequest request = read(RequestBodies.text(http));
        if (request.transcript() == null || request.transcript().isBlank()) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "transcript", "is required: the transcript in the text format");
        }
        Transcript transcript = TranscriptText.parse(request.transcript());
        Match match = request.match() == null ? Match.CODES : Match.fromId(request.match()).orElseThrow(() ->
                Problems.field(HttpStatus.BAD_REQUEST, "match", "must be “codes” or “exact”"));
        int limit = request.timeLimitSeconds() == null ? (int) ReplayOptions.DEFAULT_TIME_LIMIT.toSeconds()
                : request.timeLimitSeconds();
        if (limit < 1 || limit > ReplayOptions.MAX_TIME_LIMIT.toSeconds()) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "timeLimitSeconds", "must be between 1 and "
                    + ReplayOptions.MAX_TIME_LIMIT.toSeconds());
        }
        int answer = request.answerTimeoutSeconds() == null ? (int) ReplayOptions.DEFAULT_ANSWER_TIMEOUT.toSeconds()
                : request.answerTimeoutSeconds();
        if (answer < 1 || answer > limit) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "answerTimeoutSeconds", "must be between 1 and the time limit");
        }
        ReplayOptions options = new ReplayOptions(match, !Boolean.FALSE.equals(request.stopAtFirstMismatch()),
                Duration.ofSeconds(limit), Duration.ofSeconds(answer));
        return replayer.run(target(request.target(), transcript), transcript, options);
    }

    private ReplayRequest read(String body) {
        try {
            return json.readValue(body, ReplayRequest.class);
        } catch (DatabindException e) {
            String path = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : String.valueOf(r.getIndex())).reduce((a, b) -> a + "." + b).orElse("body");
            throw Problems.field(HttpStatus.BAD_REQUEST, path, e.getOriginalMessage());
        } catch (JacksonException e) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "body", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The request's target, each part falling back to the transcript's own {@code # protocol:} and {@code # target:}. */
    private static ReplayTarget target(ReplayRequest.Target given, Transcript transcript) {
        ReplayRequest.Target t = given == null ? new ReplayRequest.Target(null, null, null, null) : given;
        Protocol protocol;
        if (t.protocol() != null) {
            protocol = Protocol.fromId(t.protocol()).orElseThrow(() -> Problems.field(HttpStatus.BAD_REQUEST,
                    "target.protocol", "unknown protocol “" + t.protocol() + "”: use smtp, pop3, imap, http or raw"));
        } else if (transcript.meta().protocol() != null) {
            protocol = transcript.meta().protocol();
        } else {
            throw Problems.field(HttpStatus.BAD_REQUEST, "target.protocol",
                    "is required (or a “# protocol:” line in the transcript)");
        }
        HostPort fallback = transcript.meta().target();
        String host = t.host() != null ? t.host() : fallback == null ? null : fallback.host();
        Integer port = t.port() != null ? t.port() : fallback == null ? null : fallback.port();
        if (host == null || host.isBlank()) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "target.host", "is required (or a “# target:” line)");
        }
        if (port == null || port < 1 || port > 65_535) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "target.port", "must be between 1 and 65535");
        }
        String tls = t.tls() == null ? "none" : t.tls();
        if (!tls.equals("none") && !tls.equals("implicit")) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "target.tls", "must be “none” or “implicit”");
        }
        return new ReplayTarget(protocol, host, port, tls.equals("implicit"));
    }
}

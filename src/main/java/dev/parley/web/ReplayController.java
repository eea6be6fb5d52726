package dev.parley.web;

import dev.parley.replay.JUnitXml;
import dev.parley.replay.ReplayFailedException;
import dev.parley.replay.ReplayInput;
import dev.parley.replay.ReplayInputException;
import dev.parley.replay.ReplayLadder;
import dev.parley.replay.ReplayOptions;
import dev.parley.replay.ReplayReport;
import dev.parley.replay.ReplayService;
import dev.parley.replay.ReplaySpec;
import dev.parley.replay.SuiteReport;
import dev.parley.replay.SuiteRun;
import dev.parley.security.CapExceededException;
import dev.parley.security.Caps;
import dev.parley.security.RateLimitedException;
import dev.parley.session.SessionOwner;
import dev.parley.transcript.TranscriptQuota;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/replay}: check one transcript, or a suite, against a server with one call
 * (CONTRACTS.md §3, §8). A thin door: it reads the body, asks {@link ReplayService}, and writes the
 * answer as JSON, JUnit XML ({@code Accept: application/xml} or {@code ?format=junit}) or, for one
 * transcript, an SVG ladder with the failing step marked ({@code Accept: image/svg+xml} or
 * {@code ?format=svg}).
 */
@RestController
@Tag(name = "replay", description = "Run transcripts against a server and compare the answers")
class ReplayController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private enum Format {
        JSON, JUNIT, SVG
    }

    private final ReplayService replays;
    private final Caps caps;
    private final TranscriptQuota quota;
    private final JsonMapper json;

    ReplayController(ReplayService replays, Caps caps, TranscriptQuota quota, JsonMapper json) {
        this.replays = replays;
        this.caps = caps;
        this.quota = quota;
        this.json = json;
    }

    @PostMapping("/api/replay")
    @Operation(summary = "Replay transcripts: send their C: lines, compare the answers with their S: lines",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReplayRequest.class))),
            responses = @ApiResponse(responseCode = "200", description = "The report: one replay's for"
                    + " “transcript”, the suite's for “transcripts”; JUnit XML or an SVG ladder when asked for",
                    content = {
                        @Content(mediaType = "application/json", schema = @Schema(oneOf = {ReplayReport.class,
                                SuiteReport.class})),
                        @Content(mediaType = "application/xml", schema = @Schema(type = "string")),
                        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))
                    }))
    ResponseEntity<?> replay(HttpServletRequest http,
            @Parameter(description = "json (default), junit (JUnit XML) or svg (one transcript's ladder)")
            @RequestParam(required = false) String format) throws IOException, InterruptedException {
        Format answer = format(format, http.getHeader(HttpHeaders.ACCEPT));
        RequestBodies.requireJson(http);
        SessionOwner owner = Owners.of(http);
        try {
            caps.replay(owner.client());
            quota.check(owner.id());
        } catch (RateLimitedException e) {
            throw Problems.tooMany(e);
        } catch (CapExceededException e) {
            throw Problems.field(HttpStatus.TOO_MANY_REQUESTS, "transcript", e.getMessage());
        }
        ReplayRequest request = read(RequestBodies.text(http));
        boolean suite = request.transcripts() != null;
        if (suite && request.transcript() != null) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "transcripts", "give either “transcript” or “transcripts”,"
                    + " not both");
        }
        if (suite && answer == Format.SVG && request.transcripts().size() != 1) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "format", "an SVG ladder draws one replay: send one"
                    + " transcript, or ask for json or junit");
        }
        SuiteRun run;
        try {
            ReplayOptions options = ReplayOptions.of(request.match(), request.stopAtFirstMismatch(),
                    request.timeLimitSeconds(), request.answerTimeoutSeconds());
            List<ReplayInput> inputs = suite
                    ? request.transcripts().stream().map(e -> e == null ? new ReplayInput(null, null, null) : e.input())
                            .toList()
                    : List.of(new ReplayInput(null, request.transcript(), null));
            run = replays.run(new ReplaySpec(inputs, request.target() == null ? null : request.target().spec(),
                    request.variables(), request.secrets(), options, request.parallel()), owner);
        } catch (ReplayInputException e) {
            throw problem(e, suite);
        }
        return switch (answer) {
            case JUNIT -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                    .body(JUnitXml.write(run, "parley replay"));
            case SVG -> ResponseEntity.ok().contentType(SVG).body(ReplayLadder.render(run.runs().getFirst()));
            case JSON -> {
                if (suite) {
                    yield ResponseEntity.ok(run.report());
                }
                ReplayReport single = run.runs().getFirst().report();
                if (single.error() != null) {
                    throw new ReplayFailedException(single.error().code(), single.error().message());
                }
                yield ResponseEntity.ok(single);
            }
        };
    }

    /** {@code ?format=} wins; otherwise the first of JSON, XML and SVG the {@code Accept} header ranks highest. */
    private static Format format(String format, String accept) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "junit", "xml" -> Format.JUNIT;
                case "svg" -> Format.SVG;
                default -> throw Problems.field(HttpStatus.BAD_REQUEST, "format", "must be json, junit or svg");
            };
        }
        if (accept == null || accept.isBlank()) {
            return Format.JSON;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return Format.JSON;
        }
        // Stable: among equal qualities the order the client wrote wins.
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isWildcardType()) {
                return Format.JSON;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML)) {
                return Format.JUNIT;
            }
            if (type.isCompatibleWith(SVG)) {
                return Format.SVG;
            }
        }
        return Format.JSON;
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

    /** 400 naming the field (in a suite, {@code transcripts[i].…}), the transcript's line and the variable at fault. */
    private static ErrorResponseException problem(ReplayInputException e, boolean suite) {
        String field = suite && e.input() >= 0 ? "transcripts[" + e.input() + "]." + e.field() : e.field();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + e.getMessage());
        boolean transcriptLine = e.field().equals("transcript") && e.line() > 0;
        problem.setTitle(transcriptLine ? "Malformed transcript" : "Invalid request");
        problem.setType(URI.create(transcriptLine ? "https://parley.dev/problems/malformed-transcript"
                : "https://parley.dev/problems/invalid-field"));
        problem.setProperty("field", field);
        problem.setProperty("reason", e.reason());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        if (e.field().startsWith("variables.")) {
            problem.setProperty("variable", e.field().substring("variables.".length()));
        }
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}

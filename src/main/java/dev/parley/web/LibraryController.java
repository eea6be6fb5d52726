package dev.parley.web;

import dev.parley.library.LibraryCallException;
import dev.parley.library.LibraryCalls;
import dev.parley.library.LibraryRequest;
import dev.parley.library.LibraryResponse;
import dev.parley.library.LibraryService;
import dev.parley.security.CapExceededException;
import dev.parley.session.SessionOwner;
import dev.parley.transcript.TranscriptQuota;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Library mode (CONTRACTS.md §3): the lesson's calls through Jakarta Mail and java.net.http, with
 * the code that ran and the wire trace it produced.
 *
 * <p>A call that fails answers with RFC 9457 problem+json: {@code detail} is the sentence for the
 * learner, and the extension members {@code call}, {@code java}, {@code python}, {@code trace}
 * (the partial trace that led to the failure), {@code byHand} and {@code transcriptId} are those
 * of a successful response. Statuses: 400 a bad request, 403 the target policy refused the
 * target, 422 the server refused (credentials, folder, message, recipient), 502 no connection or
 * TLS, 504 no answer in time.
 */
@RestController
@RequestMapping("/api/library")
class LibraryController {

    /** The body of {@code POST /api/library/diff}: two conversations as {@code C: } / {@code S: } lines. */
    record DiffRequest(List<String> library, List<String> byHand) {
    }

    /** The largest diff request body: two traces of a few thousand lines fit with room to spare. */
    static final int MAX_DIFF_OCTETS = 1024 * 1024;
    /** Lines per side of a diff. */
    static final int MAX_DIFF_LINES = 5_000;
    /** Characters per line of a diff. */
    static final int MAX_DIFF_LINE = 8_192;

    private final LibraryService library;
    private final TranscriptQuota quota;
    private final JsonMapper json;

    LibraryController(LibraryService library, TranscriptQuota quota, JsonMapper json) {
        this.library = library;
        this.quota = quota;
        this.json = json;
    }

    /** The calls per protocol, with their arguments and defaults. */
    @GetMapping("/calls")
    Map<String, List<LibraryCalls.Call>> calls() {
        Map<String, List<LibraryCalls.Call>> byProtocol = new java.util.LinkedHashMap<>();
        for (LibraryCalls.Call call : LibraryCalls.all()) {
            byProtocol.computeIfAbsent(call.protocol(), p -> new java.util.ArrayList<>()).add(call);
        }
        return byProtocol;
    }

    @PostMapping
    LibraryResponse run(HttpServletRequest http, @RequestBody LibraryRequest request) throws LibraryCallException {
        if (request == null) {
            throw new LibraryCallException(LibraryCallException.Kind.BAD_REQUEST, "Send a JSON body with target, "
                    + "username, password, call and args.");
        }
        SessionOwner owner = Owners.of(http);
        try {
            quota.check(owner.id());
        } catch (CapExceededException e) {
            throw new LibraryCallException(LibraryCallException.Kind.LIMIT, e.getMessage());
        }
        return library.run(request, owner);
    }

    /**
     * Aligns a hand-typed conversation with a library trace and explains each difference. The input
     * is bounded before any work: the body ({@value #MAX_DIFF_OCTETS} octets, else 413), the lines
     * per side ({@value #MAX_DIFF_LINES}) and the characters per line ({@value #MAX_DIFF_LINE}), else
     * 400, each problem naming the limit.
     */
    @PostMapping(path = "/diff", consumes = "application/json")
    Object diff(HttpServletRequest http) throws IOException {
        long declared = http.getContentLengthLong();
        byte[] body = http.getInputStream().readNBytes(MAX_DIFF_OCTETS + 1);
        if (declared > MAX_DIFF_OCTETS || body.length > MAX_DIFF_OCTETS) {
            throw Problems.field(HttpStatus.PAYLOAD_TOO_LARGE, "body", String.format(Locale.ROOT,
                    "the body is over the limit of %,d octets (1 MB) for a comparison", MAX_DIFF_OCTETS));
        }
        DiffRequest request;
        try {
            request = json.readValue(body, DiffRequest.class);
        } catch (JacksonException e) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "body",
                    "not the JSON this endpoint takes: { \"library\": [\"C: ...\", \"S: ...\"], \"byHand\": [...] }");
        }
        if (request == null) {
            throw Problems.field(HttpStatus.BAD_REQUEST, "body", "send { \"library\": [...], \"byHand\": [...] }");
        }
        checkLines("library", request.library());
        checkLines("byHand", request.byHand());
        return library.diff(request.library(), request.byHand());
    }

    private static void checkLines(String field, List<String> lines) {
        if (lines == null) {
            return;
        }
        if (lines.size() > MAX_DIFF_LINES) {
            throw Problems.field(HttpStatus.BAD_REQUEST, field, String.format(Locale.ROOT,
                    "%,d lines, over the limit of %,d lines per side", lines.size(), MAX_DIFF_LINES));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line != null && line.length() > MAX_DIFF_LINE) {
                throw Problems.field(HttpStatus.BAD_REQUEST, field, String.format(Locale.ROOT,
                        "line %d has %,d characters, over the limit of %,d", i + 1, line.length(), MAX_DIFF_LINE));
            }
        }
    }

    @ExceptionHandler(LibraryCallException.class)
    ResponseEntity<ProblemDetail> failed(LibraryCallException e) {
        HttpStatus status = HttpStatus.valueOf(e.kind().status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("https://parley.dev/problems/library/"
                + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(switch (e.kind()) {
            case BAD_REQUEST -> "The library call cannot be made as asked";
            case TARGET_DENIED -> "This target is not allowed";
            case REFUSED -> "The server refused the call";
            case CONNECT_FAILED -> "No connection to the server";
            case TIMEOUT -> "The server did not answer in time";
            case LIMIT -> "Too many requests";
        });
        problem.setProperty("error", e.getMessage());
        problem.setProperty("reason", e.getMessage());
        LibraryCallException.LibraryFailure ran = e.failure();
        if (ran != null) {
            problem.setProperty("call", ran.call());
            problem.setProperty("java", ran.java());
            problem.setProperty("python", ran.python());
            problem.setProperty("trace", ran.trace());
            problem.setProperty("byHand", ran.byHand());
            problem.setProperty("transcriptId", ran.transcriptId());
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not the JSON this endpoint takes: { \"target\": {protocol, host, port, tls}, "
                        + "\"username\", \"password\", \"call\", \"args\": {…} }.");
        problem.setTitle("The library call cannot be made as asked");
        problem.setType(URI.create("https://parley.dev/problems/invalid-body"));
        problem.setProperty("field", "body");
        problem.setProperty("reason", problem.getDetail());
        problem.setProperty("error", problem.getDetail());
        return ResponseEntity.badRequest().body(problem);
    }
}

package dev.parley.web;

import java.net.URI;
import dev.parley.security.RateLimitedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details for bad input: each names what was wrong — the {@code field} of a JSON
 * body, or the {@code line} of a transcript — and why, so a script calling the API can point at it.
 */
final class Problems {

    private Problems() {
    }

    /** A field of the request was missing or wrong. */
    static ErrorResponseException field(HttpStatus status, String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + ": " + reason);
        problem.setTitle(status == HttpStatus.PAYLOAD_TOO_LARGE ? "Request too large" : "Invalid request");
        problem.setType(URI.create("https://parley.dev/problems/invalid-" + (field.equals("body") ? "body" : "field")));
        problem.setProperty("field", field);
        problem.setProperty("reason", reason);
        return new ErrorResponseException(status, problem, null);
    }

    /** A line of a transcript text was wrong. */
    static ProblemDetail line(int line, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                line > 0 ? "line " + line + ": " + reason : reason);
        problem.setTitle("Malformed transcript");
        problem.setType(URI.create("https://parley.dev/problems/malformed-transcript"));
        if (line > 0) {
            problem.setProperty("line", line);
        }
        problem.setProperty("field", "transcript");
        problem.setProperty("reason", reason);
        return problem;
    }

    /** A cap over time was reached: 429 with Retry-After, and the sentence that names the cap. */
    static ErrorResponseException tooMany(RateLimitedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many requests");
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        ErrorResponseException error = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return error;
    }

    static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No transcript has the id “"
                + id + "”. It may have been deleted, or the link was copied incompletely.");
        problem.setTitle("Transcript not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}

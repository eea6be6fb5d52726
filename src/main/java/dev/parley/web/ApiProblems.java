package dev.parley.web;

import dev.parley.replay.ReplayFailedException;
import dev.parley.transcript.TranscriptFormatException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every REST error as {@code application/problem+json} (RFC 9457): Spring MVC's own (through
 * {@link ResponseEntityExceptionHandler}) and Parley's, which name the line or field at fault.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(TranscriptFormatException.class)
    ProblemDetail malformedTranscript(TranscriptFormatException e) {
        return Problems.line(e.line(), e.reason());
    }

    /** The target refused or could not be reached: the request named a target that does not work. */
    @ExceptionHandler(ReplayFailedException.class)
    ProblemDetail targetFailed(ReplayFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "target: " + e.getMessage());
        problem.setTitle("The target could not be used");
        problem.setType(URI.create("https://parley.dev/problems/target"));
        problem.setProperty("field", "target");
        problem.setProperty("code", e.code());
        problem.setProperty("reason", e.getMessage());
        return problem;
    }
}

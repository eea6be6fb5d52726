package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.ParleyTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/library/diff} bounds its input before any work (it used to build an n×m
 * matrix from unbounded lists): too many lines or too long a line is a 400, too large a body a
 * 413, each as problem+json naming the limit.
 */
@ParleyTest
class LibraryDiffLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void tooManyLinesIsRefusedNamingTheLimit() throws Exception {
        List<String> many = new ArrayList<>(Collections.nCopies(LibraryController.MAX_DIFF_LINES + 1, "C: NOOP"));
        Api.Reply reply = new Api(port).postJson("/api/library/diff", Map.of("library", many, "byHand", List.of()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("field").asString()).isEqualTo("library");
        assertThat(reply.json().path("detail").asString()).contains("5,001 lines", "limit of 5,000 lines per side");
    }

    @Test
    void aTooLongLineIsRefusedNamingTheLimit() throws Exception {
        Api.Reply reply = new Api(port).postJson("/api/library/diff",
                Map.of("library", List.of("C: NOOP"), "byHand", List.of("C: " + "x".repeat(9000))));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asString()).contains("byHand", "line 1", "limit of 8,192");
    }

    @Test
    void aTooLargeBodyIsRefusedWith413() throws Exception {
        byte[] body = ("{\"library\":[\"" + "x".repeat(LibraryController.MAX_DIFF_OCTETS) + "\"],\"byHand\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        Api.Reply reply = new Api(port).postChunked("/api/library/diff", "application/json", body);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("detail").asString()).contains("1,048,576 octets");
    }

    @Test
    void aLargeButAllowedComparisonAnswers() throws Exception {
        List<String> theirs = new ArrayList<>();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            theirs.add("C: A" + i + " NOOP");
            theirs.add("S: A" + i + " OK NOOP completed.");
            mine.add("C: A" + String.format("%04d", i) + " NOOP");
            mine.add("S: A" + String.format("%04d", i) + " OK NOOP completed.");
        }
        Api.Reply reply = new Api(port).postJson("/api/library/diff", Map.of("library", theirs, "byHand", mine));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("differences").asInt()).isZero();
    }
}

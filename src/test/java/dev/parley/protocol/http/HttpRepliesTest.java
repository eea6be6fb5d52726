package dev.parley.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The meanings tables: every status the brief names has its own note and RFC section. */
class HttpRepliesTest {

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 200, 201, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 408,
            409, 410, 411, 413, 414, 415, 418, 426, 429, 500, 501, 502, 503, 504, 505})
    void commonStatusesHaveTheirOwnMeaning(int code) {
        HttpReplies.Reply reply = HttpReplies.reply(code);

        assertThat(reply.reason()).isNotEmpty();
        assertThat(reply.reference()).matches("RFC (9110 §15\\.\\d\\.\\d+|6585 §4)");
    }

    @Test
    void otherStatusesGetTheMeaningOfTheirClass() {
        assertThat(HttpReplies.reply(451).meaning()).startsWith("Client error (4xx)");
        assertThat(HttpReplies.reply(599).reference()).isEqualTo("RFC 9110 §15.6");
        assertThat(HttpReplies.reply(99).meaning()).contains("100 to 599");
    }

    @Test
    void successAndRedirectionAreOkTheRestError() {
        assertThat(HttpReplies.status(204)).isEqualTo(Status.OK);
        assertThat(HttpReplies.status(308)).isEqualTo(Status.OK);
        assertThat(HttpReplies.status(404)).isEqualTo(Status.ERROR);
        assertThat(HttpReplies.status(503)).isEqualTo(Status.ERROR);
    }

    @Test
    void headerMeaningsIgnoreCaseAndKnowUnknownFields() {
        assertThat(HttpCommands.headerMeaning("CONTENT-length")).contains("octets");
        assertThat(HttpReplies.headerMeaning("X-Custom")).contains("no note");
    }

    @Test
    void chunkSizeParsesHexAndExtensions() {
        assertThat(ChunkSize.parse("1a;name=value")).isEqualTo(new ChunkSize(26, ";name=value"));
        assertThat(ChunkSize.parse("000")).isEqualTo(new ChunkSize(0, ""));
        assertThat(ChunkSize.parse("zz")).isNull();
        assertThat(ChunkSize.parse("")).isNull();
        assertThat(ChunkSize.parse("fffffffffffffffffff").size()).isEqualTo(Long.MAX_VALUE);
    }
}

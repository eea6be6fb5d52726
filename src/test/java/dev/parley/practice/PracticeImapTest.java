package dev.parley.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.WsClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lesson's IMAP transcript: tags added for the learner, literals read by their octet count. */
class PracticeImapTest extends PracticeSessionTest {

    @Test
    void lessonTranscriptFetchesLiteralsOfExactlyTheAnnouncedSize() throws Exception {
        assertThat(greet("imap").firstLine()).startsWith("* OK");

        WsClient.Answer login = ws.exchange("LOGIN frobozz xyzzy");
        assertThat(login.sent()).containsExactly("A0001 LOGIN frobozz xyzzy");
        assertThat(login.lines().getLast()).startsWith("A0001 OK");

        WsClient.Answer select = ws.exchange("SELECT INBOX");
        assertThat(select.lines()).contains("* 1 EXISTS");
        assertThat(select.lines().getLast()).startsWith("A0002 OK");

        WsClient.Answer size = ws.exchange("FETCH 1 RFC822.SIZE");
        Matcher m = Pattern.compile("RFC822\\.SIZE (\\d+)").matcher(String.join("\n", size.lines()));
        assertThat(m.find()).isTrue();
        long announced = Long.parseLong(m.group(1));

        WsClient.Answer header = ws.exchange("FETCH 1 BODY[HEADER]");
        assertThat(header.literals()).hasSize(1);
        JsonNode headerLiteral = header.literals().getFirst();
        assertThat(header.lines().getFirst()).endsWith("{" + headerLiteral.path("octets").asLong() + "}");
        assertThat(headerLiteral.path("text").asString()).contains("Subject: The Art of Unix Programming\r\n");

        WsClient.Answer text = ws.exchange("FETCH 1 BODY[TEXT]");
        JsonNode textLiteral = text.literals().getFirst();
        assertThat(textLiteral.path("text").asString()).contains("count the octets");
        assertThat(text.lines().getFirst()).endsWith("{" + textLiteral.path("octets").asLong() + "}");
        assertThat(textLiteral.path("text").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSize((int) textLiteral.path("octets").asLong());
        assertThat(text.lines().getLast()).startsWith("A0005 OK");

        JsonNode whole = ws.exchange("FETCH 1 RFC822").literals().getFirst();
        assertThat(whole.path("octets").asLong()).isEqualTo(announced);
        assertThat(whole.path("text").asString()).contains("Subject: The Art of Unix Programming", "count the octets");

        WsClient.Answer logout = ws.exchange("LOGOUT");
        assertThat(logout.lines()).anyMatch(l -> l.startsWith("* BYE"));
        assertThat(logout.lines().getLast()).startsWith("A0007 OK");
        assertThat(ws.next("closed").path("by").asString()).isEqualTo("server");
    }

    @Test
    void searchFromCrisFindsTheLessonMessage() throws Exception {
        greet("imap");
        ws.exchange("LOGIN demo demo");
        ws.exchange("SELECT INBOX");
        WsClient.Answer search = ws.exchange("SEARCH FROM \"cris\"");
        assertThat(search.lines()).contains("* SEARCH 1");
    }

    @Test
    void aTagTheLearnerTypedIsKept() throws Exception {
        greet("imap");
        WsClient.Answer capability = ws.exchange("x1 CAPABILITY");
        assertThat(capability.lines().getLast()).startsWith("x1 OK");
    }
}

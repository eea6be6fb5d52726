package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code match: codes} compares, for every protocol there is. A protocol added to
 * {@link Protocol} without an outcome rule does not compile ({@link Outcomes#of} is an exhaustive
 * switch expression), and one added here without an example fails this test instead of quietly
 * comparing nothing (issue #8, item 9: an empty outcome counted as passed).
 */
class OutcomesTest {

    private static final Map<Protocol, List<String>> ANSWERS = Map.of(
            Protocol.SMTP, List.of("250-mail.example.com", "250-PIPELINING", "250 SIZE 10240000"),
            Protocol.POP3, List.of("+OK 2 messages", "1 120", "2 200", "."),
            Protocol.IMAP, List.of("* 1 FETCH (BODY[] {7}", "Hello", ")", "A0001 OK FETCH completed"),
            Protocol.HTTP, List.of("HTTP/1.1 404 Not Found", "Content-Length: 0", ""),
            Protocol.RAW, List.of("anything at all"));

    private static final Map<Protocol, List<String>> OUTCOMES = Map.of(
            Protocol.SMTP, List.of("250"),
            Protocol.POP3, List.of("+OK"),
            Protocol.IMAP, List.of("OK"),
            Protocol.HTTP, List.of("404"));

    @Test
    void everyProtocolSaysWhatItsOutcomeIs() {
        for (Protocol protocol : Protocol.values()) {
            assertThat(ANSWERS).as("an example answer for %s", protocol).containsKey(protocol);
            List<String> outcome = Outcomes.of(protocol, ANSWERS.get(protocol), line -> false);
            if (protocol == Protocol.RAW) {
                assertThat(outcome).as("raw has no outcome: its lines themselves are compared").isNull();
            } else {
                assertThat(outcome).as(protocol.id()).isEqualTo(OUTCOMES.get(protocol));
            }
        }
    }

    @Test
    void imapLinesInsideALiteralAreNeverReadAsACompletion() {
        List<String> answer = List.of("* 1 FETCH (BODY[] {16}", "A0009 OK forged", ")", "A0001 NO no such message");
        assertThat(Outcomes.of(Protocol.IMAP, answer, line -> false)).containsExactly("NO");
    }
}

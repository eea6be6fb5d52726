package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Outcomes;
import dev.parley.protocol.Protocol;
import dev.parley.transcript.TranscriptText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayMatchingTest {

    @Test
    void wholeLinePlaceholderMatchesOneOrMoreLines() {
        List<String> expected = List.of("+OK 120 octets", "<server sends the text of message 1>", ".");

        assertThat(LinePatterns.matchAll(expected, List.of("+OK 3 octets", "a", "b", "."))).isFalse();
        assertThat(LinePatterns.matchAll(expected, List.of("+OK 120 octets", "a", "b", "."))).isTrue();
        assertThat(LinePatterns.matchAll(expected, List.of("+OK 120 octets", "."))).isFalse();
        assertThat(LinePatterns.matchAll(List.of("<anything>"), List.of())).isFalse();
    }

    @Test
    void inlinePlaceholderMatchesAnyText() {
        assertThat(LinePatterns.matches("+OK <greeting> ready", "+OK POP3 GreenMail Server v2.1.13 ready")).isTrue();
        assertThat(LinePatterns.matches("+OK <greeting> ready", "-ERR no")).isFalse();
        assertThat(LinePatterns.matches("a.b*c", "a.b*c")).isTrue();
        assertThat(LinePatterns.matches("a.b*c", "axb*c")).isFalse();
    }

    @Test
    void outcomesPerProtocol() {
        assertThat(outcomes(Protocol.SMTP, List.of("250-hi", "250-SIZE", "250 HELP"))).containsExactly("250");
        assertThat(outcomes(Protocol.POP3, List.of("<x>", "+OK 2 320"))).containsExactly("+OK");
        assertThat(outcomes(Protocol.IMAP, List.of("* 1 EXISTS", "A0002 OK [READ-WRITE] done")))
                .containsExactly("OK");
        assertThat(outcomes(Protocol.IMAP, List.of("* OK IMAP4rev1 ready"))).containsExactly("* OK");
        assertThat(outcomes(Protocol.IMAP, List.of("* 1 FETCH (BODY[HEADER] {12}", "Subject: x", ")", "A4 NO x")))
                .containsExactly("NO");
        assertThat(outcomes(Protocol.IMAP, List.of("* 1 FETCH (BODY[HEADER] {1425}", "<payload>", ")",
                "A4 OK x"))).containsExactly("OK");
        assertThat(outcomes(Protocol.HTTP, List.of("HTTP/1.1 404 Not Found", "Server: x"))).containsExactly("404");
        assertThat(outcomes(Protocol.RAW, List.of("x"))).isNull();
    }

    @Test
    void scriptStepsFollowTheLesson() {
        ReplayScript script = ReplayScript.of(TranscriptText.parse("""
                C: <client connects to service port 25>
                S: 220 foo.com ready
                C: DATA
                S: 354 go
                C: Blah blah blah...
                C: .
                S: 250 OK
                C: QUIT
                S: 221 bye
                C: <client hangs up>
                """), Protocol.SMTP, null);

        assertThat(script.steps()).extracting(ReplayScript.Step::templates).containsExactly(List.of(), List.of("DATA"),
                List.of("Blah blah blah...", "."), List.of("QUIT"));
        assertThat(script.steps().get(2).expected()).containsExactly("250 OK");
    }

    private static java.util.List<String> outcomes(Protocol protocol, java.util.List<String> lines) {
        return Outcomes.of(protocol, lines, LinePatterns::isWholeLine);
    }
}

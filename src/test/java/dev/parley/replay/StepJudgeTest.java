package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a step is judged. Before, {@code codes} passed every step whose expected lines named no
 * outcome (issue #8 §9): {@code S: 250-PIPELINING} passed against {@code 502}, a header line against
 * a {@code 404}.
 */
class StepJudgeTest {

    private static ReplayConversation.Answer answer(String... lines) {
        return new ReplayConversation.Answer(List.of(lines), List.of(lines), List.of(), null);
    }

    @Test
    void expectedLinesThatNameNoOutcomeMustAppearInTheAnswer() {
        List<String> expected = List.of("250-PIPELINING");

        assertThat(StepJudge.judge(Protocol.SMTP, Match.CODES, expected, answer("502 5.5.2 Error: command not recognized")))
                .contains("name no outcome");
        assertThat(StepJudge.judge(Protocol.SMTP, Match.CODES, expected, answer("250-mx", "250-PIPELINING", "250 HELP")))
                .isNull();
        assertThat(StepJudge.judge(Protocol.HTTP, Match.CODES, List.of("Content-Type: text/plain"),
                answer("HTTP/1.1 404 Not Found", "Content-Type: text/html"))).contains("name no outcome");
    }

    @Test
    void aPlaceholderAloneStillNeedsAnAnswer() {
        assertThat(StepJudge.judge(Protocol.SMTP, Match.CODES, List.of("<anything>"), answer())).isNotNull();
        assertThat(StepJudge.judge(Protocol.SMTP, Match.CODES, List.of("<anything>"), answer("250 OK"))).isNull();
    }

    @Test
    void aStepThatExpectsNothingPassesOnceItsAnswerIsComplete() {
        assertThat(StepJudge.judge(Protocol.POP3, Match.CODES, List.of(), answer("+OK bye"))).isNull();
        assertThat(StepJudge.judge(Protocol.POP3, Match.CODES, List.of(), new ReplayConversation.Answer(List.of(),
                List.of(), List.of(), "No complete answer within 10 s."))).isEqualTo("No complete answer within 10 s.");
    }

    @Test
    void outcomesAreComparedWhenTheExpectedLinesNameThem() {
        assertThat(StepJudge.judge(Protocol.POP3, Match.CODES, List.of("-ERR 2 320"), answer("+OK 2 320")))
                .isEqualTo("Expected -ERR but the server answered +OK.");
        assertThat(StepJudge.judge(Protocol.SMTP, Match.EXACT, List.of("250 OK"), answer("250 Ok")))
                .isEqualTo("The server's lines differ from the expected ones.");
    }
}

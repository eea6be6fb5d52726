package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalkthroughsTest {

    private static final List<Protocol> TAUGHT = List.of(Protocol.SMTP, Protocol.POP3, Protocol.IMAP, Protocol.HTTP);

    @Test
    void everyTaughtProtocolWalksThroughAllFiveMovesInOrder() {
        for (Protocol protocol : TAUGHT) {
            List<String> moves = Walkthroughs.of(protocol).steps().stream().map(Walkthrough.Step::id).distinct().toList();
            assertThat(moves).as(protocol.id()).isEqualTo(Walkthrough.MOVES);
        }
    }

    @Test
    void stepLinesAreSingleLinesALearnerCanSend() {
        for (Protocol protocol : TAUGHT) {
            for (Walkthrough.Step step : Walkthroughs.of(protocol).steps()) {
                assertThat(step.title()).isNotBlank();
                assertThat(step.explanation()).isNotBlank();
                if (step.line() != null) {
                    assertThat(step.line()).doesNotContain("\r", "\n");
                }
            }
        }
    }

    @Test
    void imapLogsInWithLoginAndSaysWhyNotTheLessonsUser() {
        Walkthrough.Step login = Walkthroughs.of(Protocol.IMAP).steps().stream()
                .filter(s -> "identify".equals(s.id())).findFirst().orElseThrow();
        assertThat(login.line()).isEqualTo("LOGIN frobozz xyzzy");
        assertThat(login.explanation()).contains("no USER command");
    }

    @Test
    void smtpMeetsTheLessonsUnknownRecipient() {
        assertThat(Walkthroughs.of(Protocol.SMTP).steps()).extracting(Walkthrough.Step::line)
                .containsSubsequence("EHLO parley.local", "MAIL FROM:<bob@localhost>", "RCPT TO:<demo@localhost>",
                        "RCPT TO:<green@localhost>", "DATA", ".", "QUIT");
    }

    @Test
    void rawModeHasNoSteps() {
        assertThat(Walkthroughs.of(Protocol.RAW).steps()).isEmpty();
    }

    @Test
    void aStepBelongsToOneOfTheLessonsMoves() {
        assertThatThrownBy(() -> new Walkthrough.Step("chat", "t", null, "e", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hello");
    }
}

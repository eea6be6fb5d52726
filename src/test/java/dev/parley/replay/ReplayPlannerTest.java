package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is found before anything connects, and said in a sentence naming the field and the line. */
class ReplayPlannerTest {

    private static final String STORED = """
            # protocol: pop3
            # target: 127.0.0.1:3110
            # origin: replay
            S: +OK POP3 GreenMail Server v2.1.13 ready
            C: USER bob
            S: +OK
            C: PASS ********
            S: +OK
            C: QUIT
            S: +OK
            """;

    private static ReplayPlanner.Plan plan(String transcript, Map<String, String> variables, List<String> secrets) {
        return ReplayPlanner.plan(new ReplaySpec(List.of(new ReplayInput("t", transcript, null)), null, variables,
                secrets, ReplayOptions.of(null, null, null, null), null), ReplayLimits.DEFAULTS);
    }

    @Test
    void aMaskedPasswordAsksForItsVariableByNameInsteadOfSendingStars() {
        assertThatThrownBy(() -> plan(STORED, Map.of(), List.of()))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables.password");
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.reason()).contains("“C: PASS ********”", "secret variable “password”",
                            "--secret password", "PARLEY_SECRET_PASSWORD");
                });
    }

    @Test
    void aMaskedPasswordWithItsVariableIsSentAsThatVariableAndIsSecretWhateverTheCallerSaid() {
        ReplayJob job = plan(STORED, Map.of("password", "redqueen"), List.of()).jobs().getFirst();

        assertThat(job.script().steps().get(2).templates()).containsExactly("PASS ${password}");
        assertThat(job.secrets()).containsExactly("password");
        assertThat(job.target().toString()).isEqualTo("pop3://127.0.0.1:3110");
    }

    @Test
    void aVariableUsedBeforeAnyStepCapturesItIsRefused() {
        String transcript = """
                # protocol: imap
                # target: localhost:143
                S: * OK ready
                C: A1 FETCH ${seq} (UID)
                S: * <n:seq> FETCH (UID 1)
                S: A1 OK done
                """;
        assertThatThrownBy(() -> plan(transcript, Map.of(), List.of()))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables.seq");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.reason()).contains("${seq}", "capture it in an earlier S: line");
                });
    }

    @Test
    void aCaptureOfAnEarlierStepDefinesTheVariable() {
        String transcript = """
                # protocol: imap
                # target: localhost:143
                S: * OK ready
                C: A1 UID SEARCH ALL
                S: * SEARCH <uid:uid>
                S: A1 OK done
                C: A2 UID FETCH ${uid} (FLAGS)
                S: A2 OK done
                """;
        assertThat(plan(transcript, Map.of(), List.of()).jobs()).hasSize(1);
    }

    @Test
    void aSecretNeedsAValueAndAVariableNeedsAName() {
        assertThatThrownBy(() -> plan(STORED, Map.of("password", "x"), List.of("token")))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.field()).isEqualTo("secrets"));
        assertThatThrownBy(() -> plan(STORED, Map.of("pass-word", "x"), List.of()))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.field()).isEqualTo("variables"));
    }

    @Test
    void theSecretsValueNeverShowsInTheMessage() {
        String typed = STORED.replace("C: PASS ********", "C: XAUTH redqueen ${missing}");
        assertThatThrownBy(() -> plan(typed, Map.of("password", "redqueen"), List.of("password")))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.getMessage())
                        .contains("“C: XAUTH ******** ${missing}”").doesNotContain("redqueen"));
    }

    @Test
    void aTranscriptWithNothingToReplayIsRefusedRatherThanPassed() {
        assertThatThrownBy(() -> plan("# protocol: pop3\n# target: localhost:110\n# only notes\n", Map.of(), List.of()))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.reason())
                        .contains("nothing to replay"));
    }

    @Test
    void aSuiteNamesWhichTranscriptIsWrongAndItsLine() {
        ReplaySpec spec = new ReplaySpec(List.of(new ReplayInput("a", STORED, null), new ReplayInput("b",
                "S: +OK\nhello\n", null)), new TargetSpec("pop3", "localhost", 110, null), Map.of("password", "x"),
                List.of(), ReplayOptions.of(null, null, null, null), null);

        assertThatThrownBy(() -> ReplayPlanner.plan(spec, ReplayLimits.DEFAULTS))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> {
                    assertThat(e.input()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("transcript");
                    assertThat(e.line()).isEqualTo(2);
                });
    }
}

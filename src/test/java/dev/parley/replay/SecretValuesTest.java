package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.SessionEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretValuesTest {

    private final SecretValues secrets = new SecretValues(List.of("redqueen", "red"));

    @Test
    void aLineKeepsItsClearTextForTheWireAndGetsItsSecretsMaskedForEveryoneElse() {
        SessionEvent.Line line = new SessionEvent.Line("C", "XAUTH bob redqueen", 3, Instant.now(), "CRLF", false, null,
                null);

        SessionEvent.Line masked = (SessionEvent.Line) secrets.apply(line);

        assertThat(masked.text()).isEqualTo("XAUTH bob redqueen");
        assertThat(masked.redacted()).isEqualTo("XAUTH bob ********");
        assertThat(ReplayConversation.shown(masked)).isEqualTo("XAUTH bob ********");
    }

    @Test
    void theLongestSecretIsMaskedFirstSoNoPartOfItShows() {
        assertThat(secrets.mask("redqueen and red")).isEqualTo("******** and ********");
    }

    @Test
    void aDialectsRedactionIsKeptAndMaskedFurther() {
        SessionEvent.Line line = new SessionEvent.Line("C", "PASS redqueen", 3, Instant.now(), "CRLF", false, null,
                "PASS ********");
        assertThat(secrets.apply(line)).isSameAs(line);
    }

    @Test
    void everyOtherTextAnEventCarriesIsMasked() {
        assertThat(secrets.apply(new SessionEvent.Error("LIMIT", "line redqueen too long")))
                .isEqualTo(new SessionEvent.Error("LIMIT", "line ******** too long"));
        assertThat(((SessionEvent.Literal) secrets.apply(new SessionEvent.Literal("S", 8, "redqueen", false, 1,
                Instant.EPOCH, false))).text()).isEqualTo("********");
        assertThat(secrets.apply(new SessionEvent.Closed("server", "bye redqueen")))
                .isEqualTo(new SessionEvent.Closed("server", "bye ********"));
    }
}

package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A typed line with a CR or LF inside would carry a second command past the dialect's framing and
 * its redaction (command smuggling); every dialect refuses it, raw or not, and sends nothing.
 */
class LineBreakTest {

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aLineWithALineBreakIsRefusedByEveryDialect(Protocol protocol) {
        for (boolean raw : new boolean[] {false, true}) {
            Dialect dialect = Dialects.create(protocol, FramingLimits.DEFAULT);
            assertThat(dialect.write("NOOP\r\nPASS secret", raw)).isInstanceOfSatisfying(ClientWrite.Reject.class,
                    reject -> assertThat(reject.reason()).contains("line breaks"));
            assertThat(dialect.write("NOOP\nQUIT", raw)).isInstanceOf(ClientWrite.Reject.class);
        }
    }
}

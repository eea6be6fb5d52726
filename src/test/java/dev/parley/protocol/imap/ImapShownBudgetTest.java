package dev.parley.protocol.imap;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.feedConsistently;
import static dev.parley.protocol.SplitFeeder.server;
import static dev.parley.protocol.SplitFeeder.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.FramingLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Untagged data past the per-answer display limit is counted, not shown (issue #8: the limit cut
 * literals and listings but not IMAP's untagged lines, so an endless SEARCH or LIST answer was
 * kept whole). Whole responses are held back, literals and all; the tagged completion is always shown.
 */
class ImapShownBudgetTest {

    private static final FramingLimits LIMITS = new FramingLimits(256, 64, 100_000);

    @Test
    void untaggedResponsesPastTheLimitAreCountedAndTheCompletionIsShown() {
        List<String> summary = summary(feedConsistently(() -> new ImapDialect(LIMITS), List.of(
                server("* OK ready\r\n"), client("LIST \"\" *"),
                server("* LIST () \"/\" box\r\n".repeat(200) + "A0001 OK LIST done\r\n"))));

        assertThat(summary).filteredOn(s -> s.startsWith("S: * LIST")).hasSize(3);
        assertThat(summary).containsSubsequence(
                "notice: 197 more untagged responses (3.7 KB) were not shown: one answer shows at most 64 octets.",
                "S: A0001 OK LIST done | reply OK last", "complete ok");
    }

    @Test
    void aHiddenResponseIsHiddenWithItsLiterals() {
        List<String> summary = summary(feedConsistently(() -> new ImapDialect(LIMITS), List.of(
                server("* OK ready\r\n"), client("FETCH 1:2 BODY[]"),
                server("* 1 FETCH (BODY[] {5}\r\nhello)\r\n" + "* 2 FETCH (FLAGS (\\Seen) " + "x".repeat(60) + ")\r\n"
                        + "* 3 FETCH (BODY[] {5}\r\nworld)\r\n" + "A0001 OK done\r\n"))));

        assertThat(summary).noneMatch(s -> s.contains("world") || s.startsWith("S: * 3"));
        assertThat(summary).anyMatch(s -> s.contains("hello"));
        assertThat(summary).containsSubsequence(
                "notice: 4 more untagged responses (119 octets) were not shown: one answer shows at most 64 octets.",
                "S: A0001 OK done | reply OK last", "complete ok");
    }
}

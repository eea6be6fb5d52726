package dev.parley.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The library's conversation and the hand-typed one are aligned by what each line is, and differences explained. */
class TraceDiffTest {

    private static final List<String> LIBRARY = List.of(
            "S: * OK ready",
            "C: C0 CAPABILITY",
            "S: * CAPABILITY IMAP4rev1",
            "S: C0 OK CAPABILITY completed.",
            "C: C1 LOGIN demo ********",
            "S: C1 OK LOGIN completed.",
            "C: C2 EXAMINE INBOX",
            "S: * 1 EXISTS",
            "S: C2 OK [READ-ONLY] EXAMINE completed.",
            "C: C3 FETCH 1 (BODY.PEEK[HEADER])",
            "S: C3 OK FETCH completed.",
            "C: C4 LOGOUT");

    private static final List<String> BY_HAND = List.of(
            "S: * OK ready",
            "C: A0001 login demo ********",
            "S: A0001 OK LOGIN completed.",
            "C: A0002 SELECT INBOX",
            "S: * 2 EXISTS",
            "S: A0002 OK [READ-WRITE] SELECT completed.",
            "C: A0003 FETCH 1 BODY[HEADER]",
            "S: A0003 OK FETCH completed.",
            "C: A0004 LOGOUT");

    @Test
    void extraCapabilityIsLibraryOnlyAndTheRestStaysAligned() {
        TraceDiff.Result result = TraceDiff.compare(LIBRARY, BY_HAND);
        assertThat(result.pairs()).filteredOn(p -> p.kind().equals("libraryOnly")).extracting(TraceDiff.Pair::library)
                .containsExactly("C: C0 CAPABILITY", "S: * CAPABILITY IMAP4rev1", "S: C0 OK CAPABILITY completed.");
        assertThat(result.pairs()).filteredOn(p -> p.byHand() != null).extracting(TraceDiff.Pair::byHand)
                .containsExactlyElementsOf(BY_HAND);
        assertThat(result.pairs().getFirst().kind()).isEqualTo("same");
    }

    @Test
    void eachDifferenceIsExplained() {
        TraceDiff.Result result = TraceDiff.compare(LIBRARY, BY_HAND);
        assertThat(explanation(result, "C: C1 LOGIN demo ********")).contains("capitalisation").doesNotContain("Tag");
        assertThat(explanation(result, "C: C2 EXAMINE INBOX")).contains("EXAMINE vs SELECT");
        assertThat(explanation(result, "C: C3 FETCH 1 (BODY.PEEK[HEADER])")).contains("BODY.PEEK");
        assertThat(explanation(result, "S: * 1 EXISTS")).contains("Same kind of answer");
        assertThat(explanation(result, "C: C0 CAPABILITY")).contains("By hand it is optional");
        // same: the greeting, and the LOGIN answer, the FETCH answer and LOGOUT, which differ only by tag
        assertThat(result.differences()).isEqualTo(result.pairs().size() - 4);
        assertThat(result.note()).contains("C0 to C4", "A0001 to A0004", "sequence identifier");
    }

    @Test
    void aConversationIdenticalButForTagsHasNoDifferences() {
        List<String> theirs = List.of("S: * OK ready", "C: H0 LOGIN demo ********", "S: H0 OK LOGIN completed.",
                "C: H1 SELECT INBOX", "S: * 1 EXISTS", "S: H1 OK [READ-WRITE] SELECT completed.", "C: H2 LOGOUT",
                "S: * BYE bye", "S: H2 OK LOGOUT completed.");
        List<String> mine = theirs.stream().map(l -> l.replaceAll("\\bH(\\d)\\b", "A000$1")).toList();
        TraceDiff.Result result = TraceDiff.compare(theirs, mine);
        assertThat(result.differences()).isZero();
        assertThat(result.note()).contains("H0 to H2", "A0000 to A0002");
    }

    @Test
    void aRefusedLoginSaysToCheckThePasswordHiddenBehindTheMask() {
        TraceDiff.Result result = TraceDiff.compare(
                List.of("C: A1 LOGIN demo ********", "S: A1 OK LOGIN completed."),
                List.of("C: A0001 LOGIN demo ********", "S: A0001 NO LOGIN failed. Invalid login/password"));
        assertThat(explanation(result, "S: A1 OK LOGIN completed.")).contains("refused your login",
                "in place of <password>");
    }

    @Test
    void linesWithoutADirectionAreTheLearnersAndCommentsAreIgnored() {
        TraceDiff.Result result = TraceDiff.compare(List.of("C: STAT", "S: +OK 2 320"),
                List.of("# protocol: pop3", "stat", "S: +OK 1 120"));
        assertThat(result.pairs()).extracting(TraceDiff.Pair::byHand).containsExactly("C: stat", "S: +OK 1 120");
        assertThat(result.pairs().getFirst().explanations()).anyMatch(e -> e.contains("capitalisation"));
    }

    private static String explanation(TraceDiff.Result result, String libraryLine) {
        return String.join(" ", result.pairs().stream().filter(p -> libraryLine.equals(p.library())).findFirst()
                .orElseThrow().explanations());
    }
}

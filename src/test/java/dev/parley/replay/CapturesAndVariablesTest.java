package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Captures ({@code <description:name>}) and variables ({@code ${name}}) in transcript lines. */
class CapturesAndVariablesTest {

    @Test
    void aCaptureBindsWhatItsPlaceholderMatched() {
        assertThat(LinePatterns.bind("* SEARCH <the uid:uid>", "* SEARCH 42")).containsExactly(Map.entry("uid", "42"));
        assertThat(LinePatterns.bind("* SEARCH <the uid:uid>", "* NO such thing")).isNull();
    }

    @Test
    void eachCaptureTakesTheShortestTextThatLetsTheRestMatch() {
        assertThat(LinePatterns.bind("* <n:seq> FETCH (UID <u:uid> FLAGS (<flags>))", "* 7 FETCH (UID 42 FLAGS (\\Seen))"))
                .containsExactly(Map.entry("seq", "7"), Map.entry("uid", "42"));
        // the last placeholder takes the rest of the line
        assertThat(LinePatterns.bind("+OK <count:n> <rest:size>", "+OK 2 320 octets"))
                .containsExactly(Map.entry("n", "2"), Map.entry("size", "320 octets"));
    }

    @Test
    void aPlaceholderWithoutANameOrWithAColonInProseCapturesNothing() {
        assertThat(LinePatterns.captures("354 Start mail input; end with <CRLF>.<CRLF>")).isEmpty();
        assertThat(LinePatterns.captures("* OK <note: see below>")).isEmpty();
        assertThat(LinePatterns.captures("* OK <at 10:30>")).isEmpty();
        assertThat(LinePatterns.captures("* <n:seq> FETCH (UID <u:uid>)")).containsExactly("seq", "uid");
    }

    @Test
    void aWholeLineCaptureMatchesExactlyTheOneLineItBinds() {
        assertThat(LinePatterns.matchAll(List.of("<greeting:banner>"), List.of("+OK ready"))).isTrue();
        assertThat(LinePatterns.matchAll(List.of("<greeting:banner>"), List.of("+OK ready", "more"))).isFalse();
        assertThat(LinePatterns.matchAll(List.of("<any lines>"), List.of("+OK ready", "more"))).isTrue();
        assertThat(LinePatterns.bind("<greeting:banner>", "+OK ready")).containsExactly(Map.entry("banner", "+OK ready"));
    }

    @Test
    void matchingALongHostileLineAgainstManyPlaceholdersStaysLinear() {
        // A regular expression ".*a.*a.*a.*b" backtracks on this for a very long time; the part-by-part match does not.
        String hostile = "a".repeat(200_000);
        assertThat(LinePatterns.matches("<x>a<y>a<z>a<w>b", hostile)).isFalse();
        assertThat(LinePatterns.matches("<x>a<y>a<z>a<w>b", hostile + "b")).isTrue();
    }

    @Test
    void expectedLinesMustAppearInOrderWhenTheyNameNoOutcome() {
        assertThat(LinePatterns.appearInOrder(List.of("* SEARCH 1"), List.of("* SEARCH 1", "A3 OK done"))).isTrue();
        assertThat(LinePatterns.appearInOrder(List.of("* SEARCH 1"), List.of("A3 BAD no"))).isFalse();
        assertThat(LinePatterns.appearInOrder(List.of("<anything>"), List.of())).isFalse();
        assertThat(LinePatterns.appearInOrder(List.of("* 1 EXISTS", "* 2 RECENT"), List.of("* 2 RECENT", "* 1 EXISTS")))
                .isFalse();
    }

    @Test
    void variablesAreFilledInAndAnEscapeWritesTheMarkerItself() {
        Map<String, String> values = Map.of("uid", "42", "user", "bob");
        assertThat(VariableRefs.substitute("A4 UID FETCH ${uid} (FLAGS)", values::get)).isEqualTo("A4 UID FETCH 42 (FLAGS)");
        assertThat(VariableRefs.substitute("LOGIN ${user} ${user}", values::get)).isEqualTo("LOGIN bob bob");
        assertThat(VariableRefs.substitute("echo $${uid} costs $5", values::get)).isEqualTo("echo ${uid} costs $5");
        assertThat(VariableRefs.substitute("keep ${unknown} and ${not a name} and ${", values::get))
                .isEqualTo("keep ${unknown} and ${not a name} and ${");
        assertThat(VariableRefs.names("A1 LOGIN ${user} ${password} $${literal}")).containsExactly("user", "password");
    }

    @Test
    void aMaskedSecretIsFilledByTheVariableItsPlaceNames() {
        SecretSlots pop3 = new SecretSlots(dev.parley.protocol.Protocol.POP3);
        assertThat(pop3.fill("USER bob")).isEqualTo("USER bob");
        assertThat(pop3.fill("PASS ********")).isEqualTo("PASS ${password}");
        assertThat(pop3.fill("APOP bob ********")).isEqualTo("APOP bob ${apop}");

        SecretSlots imap = new SecretSlots(dev.parley.protocol.Protocol.IMAP);
        assertThat(imap.fill("A0001 LOGIN frobozz ********")).isEqualTo("A0001 LOGIN frobozz ${password}");
        assertThat(imap.fill("A0002 LOGIN bob {8}")).isEqualTo("A0002 LOGIN bob {8}");
        assertThat(imap.fill("********")).as("the literal of a LOGIN").isEqualTo("${password}");

        SecretSlots smtp = new SecretSlots(dev.parley.protocol.Protocol.SMTP);
        assertThat(smtp.fill("AUTH PLAIN ********")).isEqualTo("AUTH PLAIN ${auth}");
        assertThat(smtp.fill("AUTH LOGIN")).isEqualTo("AUTH LOGIN");
        assertThat(smtp.fill("********")).isEqualTo("${sasl}");
        assertThat(smtp.fill("********")).isEqualTo("${sasl2}");

        SecretSlots http = new SecretSlots(dev.parley.protocol.Protocol.HTTP);
        assertThat(http.fill("Authorization: Basic ********")).isEqualTo("Authorization: Basic ${authorization}");
        assertThat(http.fill("Cookie: a=********; b=********")).isEqualTo("Cookie: a=${cookie}; b=${cookie2}");
    }
}

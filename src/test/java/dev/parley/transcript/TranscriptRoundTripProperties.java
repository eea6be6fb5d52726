package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Import then export is lossless for well-formed text: parse(text) printed is text again. */
class TranscriptRoundTripProperties {

    @Property(tries = 300)
    void parseThenPrintGivesTheSameText(@ForAll("wellFormed") String text) {
        assertThat(TranscriptText.print(TranscriptText.parse(text))).isEqualTo(text);
    }

    @Property(tries = 200)
    void printThenParseKeepsEveryLine(@ForAll("wellFormed") String text) {
        Transcript once = TranscriptText.parse(text);
        Transcript twice = TranscriptText.parse(TranscriptText.print(once));
        assertThat(twice).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> wellFormed() {
        Arbitrary<String> header = Arbitraries.of("pop3", "imap", "smtp", "http", "raw")
                .map(p -> "# protocol: " + p + "\n");
        Arbitrary<String> target = Arbitraries.of("localhost:110", "[::1]:143", "mail.example.org:25")
                .map(t -> "# target: " + t + "\n").injectNull(0.3).map(t -> t == null ? "" : t);
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars("é✓\t<>").ofMaxLength(40);
        Arbitrary<String> traffic = Arbitraries.of("C: ", "S: ").flatMap(d -> text.map(t -> d + t + "\n"));
        Arbitrary<String> notes = text.filter(t -> !t.isBlank() && !t.contains(":") && !t.startsWith(" ")
                && !t.startsWith("\t")).map(t -> "# " + t + "\n");
        Arbitrary<String> tls = Arbitraries.of("# tls: implicit TLSv1.3 TLS_AES_256_GCM_SHA384 verified CN=x\n");
        Arbitrary<String> line = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, traffic), net.jqwik.api.Tuple.of(1, notes),
                net.jqwik.api.Tuple.of(1, tls));
        return net.jqwik.api.Combinators.combine(header, target, line.list().ofMaxSize(30))
                .as((h, t, lines) -> h + t + String.join("", lines));
    }
}

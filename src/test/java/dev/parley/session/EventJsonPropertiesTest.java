package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.protocol.Annotation;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of every line are written field by field (issue #13), not by Jackson's databind: the
 * result must be the same JSON, character for character, whatever a server sent — quotes,
 * backslashes, control characters, non-ASCII, lone surrogates — and whatever is null.
 */
class EventJsonPropertiesTest {

    private static final List<JsonMapper> MAPPERS = List.of(JsonMapper.builder().build(),
            JsonMapper.builder().changeDefaultPropertyInclusion(
                    v -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                    .build());

    @Property(tries = 500)
    void aLineIsWrittenAsDatabindWritesIt(@ForAll("lines") SessionEvent.Line line) {
        for (JsonMapper mapper : MAPPERS) {
            EventJson json = new EventJson(mapper);
            assertThat(json.write(line)).isEqualTo(json.writer().writeValueAsString(line));
            // the second time from the annotation cache
            assertThat(json.write(line)).isEqualTo(json.writer().writeValueAsString(line));
        }
    }

    @Property(tries = 200)
    void aCompleteIsWrittenAsDatabindWritesIt(@ForAll long seq, @ForAll("text") String status, @ForAll long micros) {
        SessionEvent.Complete complete = new SessionEvent.Complete(seq, status, micros);
        for (JsonMapper mapper : MAPPERS) {
            EventJson json = new EventJson(mapper);
            assertThat(json.write(complete)).isEqualTo(json.writer().writeValueAsString(complete));
        }
    }

    @Example
    void aTypicalReplyLineReadsAsTheContractSays() {
        EventJson json = new EventJson(MAPPERS.getFirst());
        String written = json.write(new SessionEvent.Line("S", "250 2.0.0 Ok", 7, Instant.parse("2026-11-29T09:00:00.123456Z"),
                "CRLF", false, Annotation.reply("250", "Requested action done.", true, "RFC 5321 §4.2"), null));
        assertThat(written).isEqualTo("{\"event\":\"line\",\"dir\":\"S\",\"text\":\"250 2.0.0 Ok\",\"seq\":7,"
                + "\"at\":\"2026-11-29T09:00:00.123456Z\",\"terminator\":\"CRLF\",\"secure\":false,\"annotation\":"
                + "{\"kind\":\"reply\",\"code\":\"250\",\"meaning\":\"Requested action done.\",\"final\":true,"
                + "\"reference\":\"RFC 5321 §4.2\"}}");
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u2028\u2029\u007f\ud800\udc00é✓<>&'").ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(20))
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<SessionEvent.Line> lines() {
        Arbitrary<Instant> at = Arbitraries.longs().between(0, 4_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)))
                .injectNull(0.1);
        Arbitrary<Annotation> annotation = Combinators.combine(Arbitraries.of("reply", "data", "command", "payload",
                "malformed"), text(), text(), text(), Arbitraries.of(true, false).injectNull(0.4), text())
                .as(Annotation::new).injectNull(0.2);
        return Combinators.combine(Arbitraries.of("C", "S").injectNull(0.05), text(), Arbitraries.longs(), at,
                Arbitraries.of("CRLF", "LF", "NONE"), Arbitraries.of(true, false), annotation, text())
                .as(SessionEvent.Line::new);
    }
}

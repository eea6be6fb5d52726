package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's frame is read token by token when it has the plain shape (issue #13); the message
 * must be the one databind reads from the same text, and whatever the plain reader does not take
 * must still be read, or refused, by databind.
 */
class ClientMessagesPropertiesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Property(tries = 1000)
    void theMessageIsTheOneDatabindReads(@ForAll("frames") String frame) {
        ClientMessage databind;
        try {
            databind = MAPPER.readValue(frame, ClientMessage.class);
        } catch (JacksonException e) {
            assertThat(ClientMessages.plain(MAPPER, frame)).as("databind refuses it, so the plain reader leaves it")
                    .isNull();
            assertThatThrownBy(() -> ClientMessages.read(MAPPER, frame)).isInstanceOf(JacksonException.class);
            return;
        }
        assertThat(ClientMessages.read(MAPPER, frame)).isEqualTo(databind);
    }

    @Example
    void theFramesThePageSendsAreReadWithoutDatabind() {
        for (String frame : List.of("{\"op\":\"send\",\"line\":\"EHLO me\"}",
                "{\"op\":\"connect\",\"protocol\":\"smtp\",\"host\":\"127.0.0.1\",\"port\":3025,\"tls\":\"none\"}",
                "{\"op\":\"send\",\"line\":\"a1 LOGIN x\",\"raw\":true}", "{\"op\":\"disconnect\"}",
                "{\"op\":\"payload\",\"text\":\"Subject: hi\\r\\n\\r\\nbody\\n.\"}")) {
            assertThat(ClientMessages.plain(MAPPER, frame)).as(frame).isNotNull()
                    .isEqualTo(MAPPER.readValue(frame, ClientMessage.class));
        }
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> string = Arbitraries.strings().withChars("ab \"\\é/\n").ofMaxLength(6)
                .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"");
        Arbitrary<String> value = Arbitraries.oneOf(string, Arbitraries.of("null", "true", "false", "25", "-1", "0",
                "3.5", "1e3", "99999999999", "\"25\"", "\"true\"", "[]", "[1,\"x\"]", "{}", "{\"a\":{\"b\":1}}"));
        Arbitrary<String> name = Arbitraries.of("op", "protocol", "host", "port", "tls", "insecure", "line", "raw",
                "text", "other", "Op", "");
        Arbitrary<String> member = net.jqwik.api.Combinators.combine(name, value).as((n, v) -> "\"" + n + "\":" + v);
        Arbitrary<String> object = member.list().ofMaxSize(6).map(m -> "{" + String.join(",", m) + "}");
        return Arbitraries.oneOf(object, object, object,
                object.map(o -> o + " "), object.map(o -> o + "x"), object.map(o -> o + "{}"),
                object.map(o -> o.substring(0, o.length() - 1)), Arbitraries.of("null", "[]", "\"op\"", "", "{", "42"));
    }
}

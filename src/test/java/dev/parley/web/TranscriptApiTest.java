package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.ParleyTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The transcript REST surface over real HTTP: import, read back as JSON, text and SVG, list, delete, and bad input. */
@ParleyTest
class TranscriptApiTest {

    static final String IMPORTED = """
            # protocol: pop3
            # target: localhost:3110
            S: +OK POP3 server ready
            C: USER bob
            S: +OK bob
            C: PASS ********
            S: <server says the maildrop is ready>
            """;

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private String importText(String text) throws Exception {
        Api.Reply reply = api.post("/api/transcripts", "text/plain", text.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    @Test
    void importThenExportIsLossless() throws Exception {
        String id = importText(IMPORTED);

        Api.Reply txt = api.get("/api/transcripts/" + id + ".txt");
        assertThat(txt.contentType()).startsWith("text/plain");
        String expected = IMPORTED.replace("# target: localhost:3110\n", "# target: localhost:3110\n# id: " + id
                + "\n# origin: import\n");
        assertThat(txt.body()).startsWith(expected.substring(0, expected.indexOf("S: ")).lines().limit(4)
                .reduce("", (a, b) -> a + b + "\n"));
        assertThat(txt.body()).endsWith(IMPORTED.substring(IMPORTED.indexOf("S: ")));
        // export, import again, export again: the conversation part is identical
        String again = importText(txt.body().replaceAll("(?m)^# (id|origin|started): .*\\n", ""));
        String second = api.get("/api/transcripts/" + again + ".txt").body();
        assertThat(second.substring(second.indexOf("S: "))).isEqualTo(IMPORTED.substring(IMPORTED.indexOf("S: ")));
    }

    @Test
    void jsonCarriesMetadataAndLines() throws Exception {
        String id = importText(IMPORTED);

        JsonNode json = api.get("/api/transcripts/" + id).json();

        assertThat(json.path("protocol").asString()).isEqualTo("pop3");
        assertThat(json.path("target").asString()).isEqualTo("localhost:3110");
        assertThat(json.path("origin").asString()).isEqualTo("import");
        assertThat(json.path("lines")).hasSize(5);
        assertThat(json.path("lines").get(3).path("text").asString()).isEqualTo("PASS ********");
        assertThat(json.path("lines").get(3).path("dir").asString()).isEqualTo("C");
        assertThat(json.path("lines").get(3).path("kind").asString()).isEqualTo("line");
    }

    @Test
    void svgIsTheLadderDiagram() throws Exception {
        Api.Reply svg = api.get("/api/transcripts/" + importText(IMPORTED) + ".svg");

        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("PASS ********", "&lt;server says");
    }

    @Test
    void listIsNewestFirstAndFiltersByProtocol() throws Exception {
        String pop3 = importText(IMPORTED);
        String imap = importText("# protocol: imap\nS: * OK ready\n");

        JsonNode all = api.get("/api/transcripts?size=100").json();
        assertThat(all.path("items").get(0).path("id").asString()).isEqualTo(imap);
        JsonNode onlyPop3 = api.get("/api/transcripts?protocol=pop3&size=100").json();
        assertThat(onlyPop3.path("items").valueStream().map(i -> i.path("protocol").asString())).containsOnly("pop3");
        assertThat(onlyPop3.path("items").valueStream().map(i -> i.path("id").asString())).contains(pop3);
    }

    @Test
    void deleteRemovesIt() throws Exception {
        String id = importText(IMPORTED);

        assertThat(api.delete("/api/transcripts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/transcripts/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/transcripts/" + id).status()).isEqualTo(404);
    }

    @Test
    void aBadLineIsAProblemNamingItsNumberAndNothingIsStored() throws Exception {
        long before = api.get("/api/transcripts?size=1").json().path("total").asLong();

        Api.Reply reply = api.post("/api/transcripts", "text/plain",
                "# protocol: pop3\nS: +OK\nthis is not a transcript line\n".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("line").asInt()).isEqualTo(3);
        assertThat(reply.json().path("detail").asString()).startsWith("line 3: a line must start with");
        assertThat(api.get("/api/transcripts?size=1").json().path("total").asLong()).isEqualTo(before);
    }

    @Test
    void unknownProtocolIsAProblemNamingTheLine() throws Exception {
        Api.Reply reply = api.post("/api/transcripts", "text/plain", "# protocol: gopher\nS: hi\n".getBytes());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("line").asInt()).isEqualTo(1);
        assertThat(reply.json().path("reason").asString()).contains("unknown protocol “gopher”");
    }

    @Test
    void missingProtocolNamesTheField() throws Exception {
        Api.Reply reply = api.post("/api/transcripts", "text/plain", "S: hi\n".getBytes());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asString()).isEqualTo("protocol");
    }

    @Test
    void binaryDataIsRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        Api.Reply reply = api.post("/api/transcripts", "application/octet-stream", png);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asString()).contains("line 1", "not UTF-8");

        Api.Reply nul = api.post("/api/transcripts", "text/plain", "# protocol: pop3\nS: a\0b\n".getBytes());
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().path("line").asInt()).isEqualTo(2);
    }

    @Test
    void aBodyOverTenMegabytesIsRefused() throws Exception {
        byte[] big = new byte[RequestBodies.MAX_OCTETS + 1];
        Arrays.fill(big, (byte) 'a');

        Api.Reply reply = api.postChunked("/api/transcripts", "text/plain", big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("field").asString()).isEqualTo("body");
    }

    @Test
    void unknownIdsAreNotFoundProblems() throws Exception {
        Api.Reply reply = api.get("/api/transcripts/AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/transcripts/nope.txt").status()).isEqualTo(404);
    }

    @Test
    void badListParametersNameTheirField() throws Exception {
        assertThat(api.get("/api/transcripts?protocol=gopher").json().path("field").asString()).isEqualTo("protocol");
        assertThat(api.get("/api/transcripts?size=1000").json().path("field").asString()).isEqualTo("size");
    }

    @Test
    void openApiDocumentsTheEndpoints() throws Exception {
        Api.Reply docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames()).contains("/api/transcripts", "/api/transcripts/{id}",
                "/api/transcripts/{id}.txt", "/api/transcripts/{id}.svg", "/api/replay");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}

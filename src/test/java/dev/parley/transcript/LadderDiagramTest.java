package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LadderDiagramTest {

    private static Document xml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneArrowPerLineAndTheTlsPartShaded() throws Exception {
        Transcript t = TranscriptText.parse("""
                # protocol: pop3
                # target: localhost:3110
                S: +OK ready
                C: STLS
                S: +OK go
                # tls: starttls TLSv1.3 TLS_AES_128_GCM_SHA256 verified
                C: USER bob
                S: +OK
                """);

        String svg = LadderDiagram.render(t);
        Document doc = xml(svg);

        assertThat(doc.getElementsByTagName("line").getLength()).isEqualTo(2 + 5);
        assertThat(svg).contains("class=\"tls\"", "localhost:3110", "+OK ready");
    }

    @Test
    void serverTextCannotBecomeMarkup() throws Exception {
        Transcript t = TranscriptText.parse("S: <script>alert(1)</script> & \"x\" \u0007\u001b[31m\n");

        String svg = LadderDiagram.render(t);

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;", "&amp;", "&quot;x&quot;", "\u2407");
        assertThat(xml(svg).getElementsByTagName("script").getLength()).isZero();
    }
}

package dev.parley.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.SplitFeeder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP credentials in header fields are masked at capture, on both sides. */
class HttpRedactionTest {

    private static String typed(String... lines) {
        HttpDialect dialect = new HttpDialect(FramingLimits.DEFAULT);
        ClientWrite last = null;
        for (String line : lines) {
            last = dialect.write(line, false);
        }
        return ((ClientWrite.Send) last).lines().getFirst().redacted();
    }

    @Test
    void authorizationKeepsItsScheme() {
        assertThat(typed("GET / HTTP/1.1", "Authorization: Basic Ym9iOnJlZHF1ZWVu"))
                .isEqualTo("Authorization: Basic ********");
    }

    @Test
    void authorizationWithoutSchemeIsMaskedWhole() {
        assertThat(typed("GET / HTTP/1.1", "authorization:token123")).isEqualTo("authorization:********");
    }

    @Test
    void proxyAuthorizationIsMasked() {
        assertThat(typed("GET / HTTP/1.1", "Proxy-Authorization: Bearer abc.def.ghi"))
                .isEqualTo("Proxy-Authorization: Bearer ********");
    }

    @Test
    void cookieValuesAreMaskedNamesKept() {
        assertThat(typed("GET / HTTP/1.1", "Cookie: session=abc123; theme=dark"))
                .isEqualTo("Cookie: session=********; theme=********");
    }

    @Test
    void malformedAuthorizationLineIsMaskedAnyway() {
        assertThat(typed("GET / HTTP/1.1", "Authorization : Basic Ym9i")).isEqualTo("Authorization : Basic ********");
    }

    @Test
    void ordinaryHeadersCarryNoSecret() {
        assertThat(typed("GET / HTTP/1.1", "Host: example.com")).isNull();
        assertThat(typed("GET /?token=x HTTP/1.1")).isNull();
    }

    @Test
    void setCookieValueIsMaskedAttributesKept() {
        List<DialectEvent> events = SplitFeeder.feedConsistently(HttpEvents.afterGet(), List.of(SplitFeeder.server(
                "HTTP/1.1 200 OK\r\nSet-Cookie: sid=s3cr3t; Path=/; HttpOnly; Max-Age=60\r\nContent-Length: 0\r\n\r\n")));

        assertThat(SplitFeeder.summary(events)).contains(
                "S: Set-Cookie: sid=s3cr3t; Path=/; HttpOnly; Max-Age=60 | data"
                        + " | redacted: Set-Cookie: sid=********; Path=/; HttpOnly; Max-Age=60",
                "S: Content-Length: 0 | data");
    }

    @Test
    void setCookieUnknownAttributeValueIsMasked() {
        assertThat(HttpSecrets.responseField("Set-Cookie: a=b; Ext=secret")).isEqualTo("Set-Cookie: a=********; Ext=********");
    }
}

package dev.parley.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.RealServers;
import dev.parley.support.WsClient;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 typed by hand against nginx: keep-alive, chunked bodies, HEAD. */
class NginxHttpTest extends RealServerTest {

    private void request(String method, String path) throws Exception {
        ws.send(method + " " + path + " HTTP/1.1");
        ws.send("Host: localhost");
        ws.send("");
    }

    @Test
    void twoRequestsOnOneKeptAliveConnection() throws Exception {
        RealServers.Endpoint http = RealServers.require("PARLEY_REAL_HTTP", "nginx");
        ws.connect("http", "localhost", http.port(), "none");
        request("GET", "/");
        WsClient.Answer page = ws.answer();
        assertThat(page.sent()).containsExactly("GET / HTTP/1.1", "Host: localhost", "");
        assertThat(page.lines()).contains("HTTP/1.1 200 OK");
        request("GET", "/hello.txt");
        WsClient.Answer hello = ws.answer();
        assertThat(hello.lines()).contains("HTTP/1.1 200 OK");
        assertThat(ws.events()).noneMatch(e -> e.path("event").asString().equals("closed"));
    }

    @Test
    void chunkedBodyIsFollowedToItsLastChunk() throws Exception {
        RealServers.Endpoint http = RealServers.require("PARLEY_REAL_HTTP", "nginx");
        ws.connect("http", "localhost", http.port(), "none");
        request("GET", "/chunked");
        WsClient.Answer chunked = ws.answer();
        assertThat(chunked.lines()).anyMatch(l -> l.equalsIgnoreCase("Transfer-Encoding: chunked"));
        assertThat(chunked.lines()).contains("0");
        assertThat(chunked.status()).isEqualTo("ok");
        request("HEAD", "/");
        WsClient.Answer head = ws.answer();
        assertThat(head.lines()).contains("HTTP/1.1 200 OK");
        assertThat(head.lines().getLast()).isEmpty();
    }

    @Test
    void httpsWithImplicitTlsIsVerifiedAgainstTheTestAuthority() throws Exception {
        RealServers.Endpoint https = RealServers.require("PARLEY_REAL_HTTPS", "nginx HTTPS");
        ws.connect("http", "localhost", https.port(), "implicit");
        assertThat(ws.next("tls").path("verified").asBoolean()).isTrue();
        request("GET", "/hello.txt");
        assertThat(ws.answer().lines()).contains("HTTP/1.1 200 OK");
    }
}

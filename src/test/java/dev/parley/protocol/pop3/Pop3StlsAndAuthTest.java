package dev.parley.protocol.pop3;

import static dev.parley.protocol.SplitFeeder.client;
import static dev.parley.protocol.SplitFeeder.server;
import static dev.parley.protocol.pop3.Pop3DialectTest.feed;
import static dev.parley.protocol.pop3.Pop3DialectTest.lines;
import static dev.parley.protocol.pop3.Pop3DialectTest.sent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.SplitFeeder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** STLS (RFC 2595 §4) holding and discarding, and SASL AUTH (RFC 5034) continuations. */
class Pop3StlsAndAuthTest {

    private static Pop3Dialect greeted() {
        Pop3Dialect dialect = new Pop3Dialect(FramingLimits.DEFAULT);
        feed(dialect, "+OK ready\r\n");
        return dialect;
    }

    /** Bytes after the +OK go-ahead came in plaintext (the STARTTLS injection attack): they are discarded. */
    @Test
    void goAheadDiscardsBytesPipelinedAfterIt() {
        Pop3Dialect dialect = greeted();
        dialect.write("STLS", false);
        assertThat(dialect.holdsClientInput()).isTrue();

        List<DialectEvent> events = feed(dialect, "+OK Begin TLS negotiation\r\n+OK injected\r\n");

        assertThat(SplitFeeder.summary(events)).containsExactly("S: +OK Begin TLS negotiation | reply +OK last",
                "complete ok", "tls-go-ahead 14");
        assertThat(lines(events).get(0).annotation().meaning()).contains("handshake", "CAPA again");
        assertThat(dialect.holdsClientInput()).isFalse();
        dialect.write("CAPA", false);
        assertThat(SplitFeeder.summary(feed(dialect, "+OK\r\nSTLS\r\n.\r\n"))).endsWith("S: . | data last", "complete ok");
    }

    @Test
    void goAheadIsTheSameSplitAnywhereWithinIt() {
        List<DialectEvent> events = Pop3DialectTest.run(server("+OK ready\r\n"), client("STLS"), server("+OK go\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: +OK go | reply +OK last", "complete ok", "tls-go-ahead 0");
    }

    @Test
    void refusalDropsHeldInput() {
        List<DialectEvent> events = Pop3DialectTest.run(server("+OK ready\r\n"), client("STLS"), server("-ERR not now\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: -ERR not now | reply -ERR last", "complete error", "drop-held-input");
        assertThat(((DialectEvent.DropHeldInput) events.get(events.size() - 1)).reason())
                .isEqualTo("The server refused STLS (-ERR not now): the connection stays unencrypted.");
    }

    @Test
    void authContinuationMakesTheNextTypedLineABase64Response() {
        Pop3Dialect dialect = greeted();
        dialect.write("AUTH PLAIN", false);
        assertThat(dialect.holdsClientInput()).isTrue();

        List<DialectEvent> challenge = feed(dialect, "+ \r\n");
        assertThat(SplitFeeder.summary(challenge)).containsExactly("S: +  | reply + last", "complete continue");
        assertThat(dialect.holdsClientInput()).isFalse();

        ClientWrite.Send response = sent(dialect.write("AGJvYgByZWRxdWVlbg==", false));
        assertThat(response.lines().get(0).annotation().verb()).isNull();
        assertThat(response.lines().get(0).annotation().meaning()).contains("base64 response");
        assertThat(response.expectsAnswer()).isTrue();

        assertThat(SplitFeeder.summary(feed(dialect, "+OK Logged in.\r\n"))).containsExactly("S: +OK Logged in. | reply +OK last",
                "complete ok");
        assertThat(sent(dialect.write("STAT", false)).lines().get(0).annotation().verb()).isEqualTo("STAT");
    }

    @Test
    void starCancelsTheAuthExchange() {
        Pop3Dialect dialect = greeted();
        dialect.write("AUTH PLAIN", false);
        feed(dialect, "+\r\n");

        assertThat(sent(dialect.write("*", false)).lines().get(0).annotation().meaning()).contains("Cancels");
        assertThat(SplitFeeder.summary(feed(dialect, "-ERR [AUTH] cancelled\r\n"))).containsExactly(
                "S: -ERR [AUTH] cancelled | reply -ERR last", "complete error");
    }

    @Test
    void authWithoutMechanismListsMechanismsUntilTheDot() {
        List<DialectEvent> events = Pop3DialectTest.run(server("+OK ready\r\n"), client("AUTH"), server("+OK\r\nPLAIN\r\nLOGIN\r\n.\r\n"));

        assertThat(SplitFeeder.summary(events)).endsWith("S: +OK | reply +OK more", "S: PLAIN | data", "S: LOGIN | data",
                "S: . | data last", "complete ok");
        assertThat(lines(events).get(2).annotation().meaning()).contains("SASL mechanism", "PLAIN");
    }
}

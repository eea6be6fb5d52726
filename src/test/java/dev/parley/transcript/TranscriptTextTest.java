package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Protocol;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {

    static final String LESSON_POP3 = """
            # protocol: pop3
            # target: localhost:3110
            S: +OK POP3 server ready
            C: USER bob
            S: +OK bob
            C: PASS ********
            S: <server says the maildrop is ready>
            """;

    @Test
    void parsesTheContractExample() {
        Transcript t = TranscriptText.parse(LESSON_POP3);

        assertThat(t.meta().protocol()).isEqualTo(Protocol.POP3);
        assertThat(t.meta().target()).isEqualTo(new HostPort("localhost", 3110));
        assertThat(t.lines()).extracting(TranscriptLine::direction).containsExactly(Direction.S, Direction.C,
                Direction.S, Direction.C, Direction.S);
        assertThat(t.lines().get(3).text()).isEqualTo("PASS ********");
        assertThat(t.lines()).extracting(TranscriptLine::seq).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void printsWhatItParsed() {
        assertThat(TranscriptText.print(TranscriptText.parse(LESSON_POP3))).isEqualTo(LESSON_POP3);
    }

    @Test
    void readsTheLessonAsWrittenIndentedWithAPayloadPlaceholderLine() {
        Transcript t = TranscriptText.parse("""
                    C: A0004 FETCH 1 BODY[HEADER]
                    S: * 1 FETCH (RFC822.HEADER {1425}
                    <server sends 1425 octets of message payload>
                    S: )

                    S: A0004 OK FETCH completed
                """);

        assertThat(t.lines()).extracting(TranscriptLine::text).containsExactly("A0004 FETCH 1 BODY[HEADER]",
                "* 1 FETCH (RFC822.HEADER {1425}", "<server sends 1425 octets of message payload>", ")",
                "A0004 OK FETCH completed");
        assertThat(t.lines().get(2).direction()).isEqualTo(Direction.S);
    }

    @Test
    void everyMetadataFieldTlsMarkerBodyAndNoteSurviveTheRoundTrip() {
        String text = """
                # protocol: imap
                # target: [::1]:3143
                # id: AAAAAAAAAAAAAAAAAAAAAA
                # origin: live
                # remote: 127.0.0.1:3143
                # started: 2026-11-26T10:15:30.123456Z
                # ended: 2026-11-26T10:16:00Z
                # closed: server The server closed the connection.
                S: * OK ready
                C: A0001 STARTTLS
                S: A0001 OK go
                # tls: starttls TLSv1.3 TLS_AES_128_GCM_SHA256 verified CN=localhost, O=Parley
                # Waiting for the server's go-ahead before sending this; 1 waiting.
                # body: image/png body, 93 octets, not shown
                C:\s
                """;
        Transcript t = TranscriptText.parse(text);

        assertThat(TranscriptText.print(t)).isEqualTo(text);
        assertThat(t.meta().started()).isEqualTo(Instant.parse("2026-11-26T10:15:30.123456Z"));
        assertThat(t.meta().closed()).isEqualTo(new Closing("server", "The server closed the connection."));
        assertThat(t.tls()).get().extracting(TlsMarker::protocol, TlsMarker::verified, TlsMarker::peer)
                .containsExactly("TLSv1.3", true, "CN=localhost, O=Parley");
        assertThat(t.lines().get(4).secure()).isTrue();
        assertThat(t.lines().get(1).secure()).isFalse();
        assertThat(t.lines().getLast().text()).isEmpty();
    }

    @Test
    void literalPrintsAsServerLines() {
        Transcript t = new Transcript(new TranscriptMeta(null, Protocol.IMAP, null, null, null, null, null, null),
                java.util.List.of(new TranscriptLine(1, Direction.S, null, "Subject: hi\r\n\r\nbody\r\n",
                        dev.parley.protocol.Terminator.NONE, false, LineKind.LITERAL)));

        assertThat(TranscriptText.print(t)).isEqualTo("# protocol: imap\nS: Subject: hi\nS: \nS: body\n");
    }

    @Test
    void aLineOfAnotherShapeIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> TranscriptText.parse("# protocol: pop3\nS: +OK\nX: what\n"))
                .isInstanceOf(TranscriptFormatException.class)
                .hasMessageStartingWith("line 3: a line must start with “C: ”, “S: ” or “#”")
                .extracting(e -> ((TranscriptFormatException) e).line()).isEqualTo(3);
    }

    @Test
    void unknownProtocolNamesItsLine() {
        assertThatThrownBy(() -> TranscriptText.parse("\n# protocol: gopher\n"))
                .hasMessage("line 2: unknown protocol “gopher”: use smtp, pop3, imap, http or raw");
    }

    @Test
    void badTargetAndTimeAndDuplicateKeysNameTheirLines() {
        assertThatThrownBy(() -> TranscriptText.parse("# target: localhost\n")).hasMessageStartingWith("line 1: target:");
        assertThatThrownBy(() -> TranscriptText.parse("# started: yesterday\n")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> TranscriptText.parse("# protocol: pop3\n# protocol: imap\n"))
                .hasMessage("line 2: “protocol” is given twice (first on line 1)");
    }

    @Test
    void nulMeansBinaryAndIsRefused() {
        assertThatThrownBy(() -> TranscriptText.parse("S: ok\nS: a\0b\n")).hasMessageStartingWith("line 2: a NUL");
    }

    @Test
    void crlfLineEndsAreAcceptedToo() {
        assertThat(TranscriptText.parse("C: NOOP\r\nS: +OK\r\n").lines()).extracting(TranscriptLine::text)
                .containsExactly("NOOP", "+OK");
    }

    @Test
    void hostPortParsesAndPrintsIpv6() {
        assertThat(HostPort.parse("[::1]:143")).isEqualTo(new HostPort("::1", 143));
        assertThat(new HostPort("::1", 143)).hasToString("[::1]:143");
        assertThatThrownBy(() -> HostPort.parse("::1:143")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> HostPort.parse("host:99999")).hasMessageContaining("65535");
    }

    @Test
    void idsAreRandom128BitBase64Url() {
        String id = TranscriptIds.next();
        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(TranscriptIds.next()).isNotEqualTo(id);
        assertThat(TranscriptIds.wellFormed("../etc/passwd")).isFalse();
    }
}

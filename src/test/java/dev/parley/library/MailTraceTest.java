package dev.parley.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jakarta Mail's debug output, as Angus Mail 2.0 writes it, becomes C:/S: lines; its own notes are dropped. */
class MailTraceTest {

    private static List<String> parse(Protocol protocol, String debug) {
        return MailTrace.parse(protocol, debug.getBytes(StandardCharsets.UTF_8)).stream()
                .map(MailTrace.Line::render).toList();
    }

    @Test
    void imapServerLinesAreUntaggedContinuationsOrTaggedStatusesAndNotesAreDropped() {
        String debug = """
                DEBUG: setDebug: Jakarta Mail version 2.1.5\r
                DEBUG IMAP: trying to connect to host "127.0.0.1", port 3143, isSSL false\r
                * OK IMAP4rev1 Server GreenMail v2.1.13 ready\r
                A0 CAPABILITY\r
                * CAPABILITY IMAP4rev1 LITERAL+ SASL-IR\r
                A0 OK CAPABILITY completed.\r
                DEBUG IMAP: protocolConnect login, host=127.0.0.1, user=demo, password=<non-null>\r
                A1 LOGIN demo demo\r
                A1 OK LOGIN completed.\r
                A2 NOOP\r
                A2 OK NOOP completed.\r
                """;
        assertThat(parse(Protocol.IMAP, debug)).containsExactly(
                "S: * OK IMAP4rev1 Server GreenMail v2.1.13 ready",
                "C: A0 CAPABILITY",
                "S: * CAPABILITY IMAP4rev1 LITERAL+ SASL-IR",
                "S: A0 OK CAPABILITY completed.",
                "C: A1 LOGIN demo demo",
                "S: A1 OK LOGIN completed.",
                "C: A2 NOOP",
                "S: A2 OK NOOP completed.");
    }

    @Test
    void anImapLiteralIsReadByItsOctetCountSoItsLinesAreNeverTakenForCommandsOrNotes() {
        String literal = "A9 LOGOUT\r\nDEBUG IMAP: not a note\r\nGrüße\r\n";
        int octets = literal.getBytes(StandardCharsets.UTF_8).length;
        String debug = "B5 FETCH 1 (BODY.PEEK[TEXT])\r\n"
                + "* 1 FETCH (BODY[TEXT] {" + octets + "}\r\n" + literal + " FLAGS (\\Seen))\r\n"
                + "B5 OK FETCH completed.\r\n";
        assertThat(parse(Protocol.IMAP, debug)).containsExactly(
                "C: B5 FETCH 1 (BODY.PEEK[TEXT])",
                "S: * 1 FETCH (BODY[TEXT] {" + octets + "}",
                "S: A9 LOGOUT",
                "S: DEBUG IMAP: not a note",
                "S: Grüße",
                "S:  FLAGS (\\Seen))",
                "S: B5 OK FETCH completed.");
    }

    @Test
    void aStackTraceTheLibraryPrintsIsNotPartOfTheConversation() {
        String debug = """
                A6 FETCH 1 (ENVELOPE)\r
                * 1 FETCH (ENVELOPE (NIL "x" (("Cris" NIL "cris" "")) NIL NIL NIL NIL NIL NIL NIL))\r
                DEBUG IMAP: ignoring bad response, THROW: \r
                org.eclipse.angus.mail.iap.ParsingException: ADDRESS parse error\r
                \tat org.eclipse.angus.mail.imap.protocol.IMAPAddress.<init>(ENVELOPE.java:212)\r
                Caused by: jakarta.mail.internet.AddressException: Missing final '@domain'\r
                \t... 13 more\r
                A6 OK FETCH completed.\r
                """;
        assertThat(parse(Protocol.IMAP, debug)).containsExactly(
                "C: A6 FETCH 1 (ENVELOPE)",
                "S: * 1 FETCH (ENVELOPE (NIL \"x\" ((\"Cris\" NIL \"cris\" \"\")) NIL NIL NIL NIL NIL NIL NIL))",
                "S: A6 OK FETCH completed.");
    }

    @Test
    void afterAContinuationRequestTheClientsSaslLineFollows() {
        String debug = "A0 AUTHENTICATE PLAIN\r\n+ \r\nAGRlbW8AZGVtbw==\r\nA0 OK Logged in\r\n";
        assertThat(parse(Protocol.IMAP, debug)).containsExactly(
                "C: A0 AUTHENTICATE PLAIN", "S: + ", "C: AGRlbW8AZGVtbw==", "S: A0 OK Logged in");
    }

    @Test
    void pop3AlternatesAndAMultiLineAnswerEndsAtTheLoneDot() {
        String debug = """
                DEBUG POP3: connecting to host "127.0.0.1", port 3110, isSSL false\r
                +OK POP3 GreenMail Server v2.1.13 ready\r
                CAPA\r
                +OK\r
                UIDL\r
                .\r
                DEBUG POP3: server doesn't support TOP, disabling it\r
                USER bob\r
                +OK\r
                PASS redqueen\r
                +OK\r
                RETR 1\r
                +OK\r
                DEBUG: this line is message text\r
                ..a stuffed line\r
                .\r
                LIST 1\r
                +OK 1 120\r
                QUIT\r
                +OK bye\r
                """;
        assertThat(parse(Protocol.POP3, debug)).containsExactly(
                "S: +OK POP3 GreenMail Server v2.1.13 ready", "C: CAPA", "S: +OK", "S: UIDL", "S: .",
                "C: USER bob", "S: +OK", "C: PASS redqueen", "S: +OK",
                "C: RETR 1", "S: +OK", "S: DEBUG: this line is message text", "S: ..a stuffed line", "S: .",
                "C: LIST 1", "S: +OK 1 120", "C: QUIT", "S: +OK bye");
    }

    @Test
    void smtpRepliesEndOnTheirLastLineAndDataIsTheClientsUntilTheDot() {
        String debug = """
                220 /127.0.0.1 GreenMail SMTP Service v2.1.13 ready\r
                DEBUG SMTP: connected to host "127.0.0.1", port: 3025\r
                EHLO localhost\r
                250-/127.0.0.1\r
                250-AUTH PLAIN LOGIN\r
                250 SMTPUTF8\r
                DEBUG SMTP: Found extension "AUTH", arg "PLAIN LOGIN"\r
                AUTH LOGIN\r
                334 VXNlcm5hbWU6\r
                Ym9i\r
                334 UGFzc3dvcmQ6\r
                cmVkcXVlZW4=\r
                235 2.7.0  Authentication Succeeded\r
                DATA\r
                354 Start mail input; end with <CRLF>.<CRLF>\r
                Subject: hi\r
                \r
                250 this is text, not a reply\r
                ..dot\r
                .\r
                250 OK\r
                QUIT\r
                221 bye\r
                """;
        assertThat(parse(Protocol.SMTP, debug)).containsExactly(
                "S: 220 /127.0.0.1 GreenMail SMTP Service v2.1.13 ready",
                "C: EHLO localhost", "S: 250-/127.0.0.1", "S: 250-AUTH PLAIN LOGIN", "S: 250 SMTPUTF8",
                "C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6", "C: Ym9i", "S: 334 UGFzc3dvcmQ6", "C: cmVkcXVlZW4=",
                "S: 235 2.7.0  Authentication Succeeded",
                "C: DATA", "S: 354 Start mail input; end with <CRLF>.<CRLF>",
                "C: Subject: hi", "C: ", "C: 250 this is text, not a reply", "C: ..dot", "C: .",
                "S: 250 OK", "C: QUIT", "S: 221 bye");
    }

    @Test
    void aTraceCutShortMidLiteralStillParses() {
        String debug = "A1 FETCH 1 (BODY[])\r\n* 1 FETCH (BODY[] {500}\r\nonly a little";
        assertThat(parse(Protocol.IMAP, debug)).containsExactly(
                "C: A1 FETCH 1 (BODY[])", "S: * 1 FETCH (BODY[] {500}", "S: only a little");
    }
}

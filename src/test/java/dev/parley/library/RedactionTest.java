package dev.parley.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Credentials are masked by position — with the dialects' own rules, the trace played through a
 * fresh dialect, so traces here start with the server's greeting as real ones do — and, failing
 * that, because the call knows the password.
 */
class RedactionTest {

    private static List<String> mask(Protocol protocol, String user, String password, String... lines) {
        List<MailTrace.Line> trace = java.util.Arrays.stream(lines)
                .map(l -> new MailTrace.Line(l.charAt(0), l.substring(3))).toList();
        return new Redaction(protocol, user, password).mask(trace).stream().map(MailTrace.Line::render).toList();
    }

    @Test
    void imapLoginKeepsTheUserAndMasksThePasswordInEveryForm() {
        assertThat(mask(Protocol.IMAP, "bob", "red queen", "C: A1 LOGIN bob \"red queen\"", "S: A1 OK done"))
                .containsExactly("C: A1 LOGIN bob ********", "S: A1 OK done");
        assertThat(mask(Protocol.IMAP, "bob \"b\"", "pw", "C: A1 LOGIN \"bob \\\"b\\\"\" pw"))
                .containsExactly("C: A1 LOGIN \"bob \\\"b\\\"\" ********");
        assertThat(mask(Protocol.IMAP, "demo", "demo", "C: A1 LOGIN demo demo"))
                .containsExactly("C: A1 LOGIN demo ********");
    }

    @Test
    void literalsAndSaslExchangesAreMaskedUntilTheTaggedAnswer() {
        // The user name sent as a literal stays, as in every other LOGIN form; the password literal goes.
        assertThat(mask(Protocol.IMAP, "bob", "redqueen", "S: * OK ready", "C: A1 LOGIN {3}", "S: + go",
                "C: bob {8}", "S: + go", "C: redqueen", "S: A1 OK", "C: A2 NOOP"))
                .containsExactly("S: * OK ready", "C: A1 LOGIN {3}", "S: + go", "C: bob {8}", "S: + go",
                        "C: ********", "S: A1 OK", "C: A2 NOOP");
        assertThat(mask(Protocol.IMAP, "demo", "demo", "S: * OK ready", "C: A0 AUTHENTICATE PLAIN", "S: + ",
                "C: AGRlbW8AZGVtbw==", "S: A0 OK", "C: A1 AUTHENTICATE PLAIN AGRlbW8AZGVtbw=="))
                .containsExactly("S: * OK ready", "C: A0 AUTHENTICATE PLAIN", "S: + ", "C: ********", "S: A0 OK",
                        "C: A1 AUTHENTICATE PLAIN ********");
    }

    @Test
    void pop3AndSmtpCredentialsAreMasked() {
        assertThat(mask(Protocol.POP3, "bob", "redqueen", "S: +OK ready", "C: USER bob", "S: +OK",
                "C: PASS redqueen", "S: +OK", "C: APOP bob 0123abcd"))
                .containsExactly("S: +OK ready", "C: USER bob", "S: +OK", "C: PASS ********", "S: +OK",
                        "C: APOP bob ********");
        assertThat(mask(Protocol.SMTP, "bob", "redqueen", "S: 220 ready", "C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6",
                "C: Ym9i", "S: 334 UGFzc3dvcmQ6", "C: cmVkcXVlZW4=", "S: 235 ok", "C: AUTH PLAIN AGJvYgByZWRxdWVlbg==",
                "S: 235 ok", "C: MAIL FROM:<bob@localhost>"))
                .containsExactly("S: 220 ready", "C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6", "C: ********",
                        "S: 334 UGFzc3dvcmQ6", "C: ********", "S: 235 ok", "C: AUTH PLAIN ********", "S: 235 ok",
                        "C: MAIL FROM:<bob@localhost>");
    }

    @Test
    void aPasswordOutsideTheUsualPlacesIsStillFoundInClientLines() {
        assertThat(mask(Protocol.SMTP, "bob", "redqueen", "C: XSECRET redqueen", "C: cmVkcXVlZW4=",
                "S: 250 redqueen is fine here"))
                .containsExactly("C: XSECRET ********", "C: ********", "S: 250 redqueen is fine here");
    }

    @Test
    void httpCredentialsAndCookiesAreMasked() {
        // As live sessions write them (docs/transcripts.md): the auth scheme and cookie names stay.
        assertThat(mask(Protocol.HTTP, "", "", "C: GET / HTTP/1.1", "C: Authorization: Basic Ym9iOnJlZA==",
                "C: Cookie: a=b", "C: ", "S: HTTP/1.1 200 OK", "S: Set-Cookie: id=42", "S: Content-Type: text/plain"))
                .containsExactly("C: GET / HTTP/1.1", "C: Authorization: Basic ********", "C: Cookie: a=********",
                        "C: ", "S: HTTP/1.1 200 OK", "S: Set-Cookie: id=********", "S: Content-Type: text/plain");
    }

    @Test
    void sentencesLoseThePasswordUnlessItIsAlsoTheUserName() {
        assertThat(new Redaction(Protocol.IMAP, "bob", "redqueen").sentence("bad password redqueen"))
                .isEqualTo("bad password ********");
        assertThat(new Redaction(Protocol.IMAP, "demo", "demo").sentence("user demo")).isEqualTo("user demo");
    }
}

package dev.parley.replay;

/**
 * The lesson's transcripts as an instructor would paste them, adapted to the users the practice
 * servers and Dovecot have: IMAP logs in with LOGIN (the lesson's USER is not an IMAP command), the
 * POP3 session undoes its DELE with RSET so a shared mailbox stays as seeded, SMTP writes to local
 * users (a known one is accepted, an unknown one refused with 550), and HTTP fetches the practice
 * site's text page.
 */
public final class LessonTranscripts {

    private LessonTranscripts() {
    }

    public static final String SMTP = """
            # protocol: smtp
                C: <client connects to service port 25>
                S: 220 foo.com Simple Mail Transfer Service Ready
                C: EHLO bar.com
                S: 250-foo.com greets bar.com
                S: 250-8BITMIME
                S: 250-SIZE
                S: 250-DSN
                S: 250 HELP
                C: MAIL FROM:<bob@localhost>
                S: 250 OK
                C: RCPT TO:<frobozz@localhost>
                S: 250 OK
                C: RCPT TO:<green@localhost>
                S: 550 No such user here
                C: DATA
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: Blah blah blah...
                C: ..etc. etc. etc.
                C: .
                S: 250 OK
                C: QUIT
                S: 221 foo.com Service closing transmission channel
            """;

    public static final String HTTP = """
            # protocol: http
            C: GET /hello.txt HTTP/1.1
            C: Host: localhost
            C: Connection: close
            C:
            S: HTTP/1.1 200 OK
            S: <the header fields, a blank line and the text>
            """;

    public static final String POP3 = """
            # protocol: pop3
                C: <client connects to service port 110>
                S: +OK POP3 server ready <1896.6971@mailgate.dobbs.org>
                C: USER bob
                S: +OK bob
                C: PASS redqueen
                S: +OK bob's maildrop has 2 messages (320 octets)
                C: STAT
                S: +OK 2 320
                C: LIST
                S: +OK 2 messages (320 octets)
                S: <one line per message>
                S: .
                C: RETR 1
                S: +OK 120 octets
                S: <server sends the text of message 1>
                S: .
                C: DELE 1
                S: +OK message 1 deleted
                C: RSET
                S: +OK
                C: QUIT
                S: +OK dewey POP3 server signing off (maildrop empty)
                C: <client hangs up>
            """;

    public static String imap(String user, String password) {
        return """
                # protocol: imap
                    C: <client connects to service port 143>
                    S: * OK example.com IMAP4rev1 v12.264 server ready
                    C: A0001 LOGIN %s %s
                    S: A0001 OK User %s authenticated
                    C: A0002 SELECT INBOX
                    S: <untagged data about the mailbox>
                    S: A0002 OK [READ-WRITE] SELECT completed
                    C: A0003 FETCH 1 RFC822.SIZE
                    S: * 1 FETCH (RFC822.SIZE 2545)
                    S: A0003 OK FETCH completed
                    C: A0004 FETCH 1 BODY[HEADER]
                    S: * 1 FETCH (RFC822.HEADER {1425}
                    <server sends 1425 octets of message payload>
                    S: )
                    S: A0004 OK FETCH completed
                    C: A0005 FETCH 1 BODY[TEXT]
                    S: * 1 FETCH (BODY[TEXT] {1120}
                    <server sends 1120 octets of message payload>
                    S: )
                    S: A0005 OK FETCH completed
                    C: A0006 LOGOUT
                    S: * BYE example.com IMAP4rev1 server terminating connection
                    S: A0006 OK LOGOUT completed
                    C: <client hangs up>
                """.formatted(user, password, user);
    }

    /**
     * The IMAP lesson's "fetch the message you just searched for", replayable against any server:
     * the UID that SEARCH finds is captured, fetched by UID, and the sequence number that FETCH
     * answered is captured and fetched back to the same UID. Meant for {@code match: exact}, so the
     * captured values are compared too; wording that differs between servers is in placeholders.
     */
    public static final String IMAP_CAPTURE = """
            # protocol: imap
            S: * OK <greeting>
            C: A1 LOGIN demo demo
            S: A1 OK <logged in>
            C: A2 EXAMINE INBOX
            S: <what the mailbox holds>
            S: A2 OK [READ-ONLY] <examined>
            C: A3 UID SEARCH FROM "cris"
            S: * SEARCH <the message's uid:uid>
            S: A3 OK <searched>
            C: A4 UID FETCH ${uid} (UID RFC822.SIZE)
            S: * <its sequence number:seq> FETCH (<uid and size>)
            S: A4 OK <fetched>
            C: A5 FETCH ${seq} (UID)
            S: * ${seq} FETCH (UID ${uid})
            S: A5 OK <fetched>
            C: A6 LOGOUT
            S: * BYE <bye>
            S: A6 OK <bye>
            """;
}

package dev.parley.replay;

/**
 * The lesson's POP3 and IMAP transcripts as an instructor would paste them, adapted to the users
 * the practice servers and Dovecot have: IMAP logs in with LOGIN (the lesson's USER is not an IMAP
 * command), and the POP3 session undoes its DELE with RSET so a shared mailbox stays as seeded.
 */
final class LessonTranscripts {

    private LessonTranscripts() {
    }

    static final String POP3 = """
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

    static String imap(String user, String password) {
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
}

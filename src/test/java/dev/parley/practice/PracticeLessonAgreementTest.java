package dev.parley.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The practice servers agree with the lesson: a host name in the SMTP greeting, sizes that add up
 * between POP3 {@code LIST}/{@code STAT}/{@code RETR} and IMAP {@code RFC822.SIZE},
 * {@code BODY[HEADER]} + {@code BODY[TEXT]}, and answers in words rather than Java exceptions.
 */
class PracticeLessonAgreementTest extends PracticeSessionTest {

    @Test
    void smtpServerGreetsWithAHostNameAsTheLessonsServerDoes() throws Exception {
        assertThat(greet("smtp").firstLine()).startsWith("220 localhost ").doesNotContain("/127.0.0.1");
        WsClient.Answer ehlo = ws.exchange("EHLO parley.local");
        assertThat(ehlo.firstLine()).isEqualTo("250-localhost greets parley.local");
        assertThat(ehlo.lines()).noneMatch(l -> l.contains("/127.0.0.1"));
        assertThat(ws.exchange("QUIT").firstLine()).isEqualTo("221 localhost Service closing transmission channel");
    }

    @Test
    void pop3SizesAddUpBetweenStatListAndRetr() throws Exception {
        loginPop3("bob", "redqueen");
        long total = Long.parseLong(ws.exchange("STAT").firstLine().split(" ")[2]);
        List<String> listing = ws.exchange("LIST").lines();
        long sum = 0;
        for (int n = 1; n <= 2; n++) {
            long listed = Long.parseLong(listing.get(n).split(" ")[1]);
            assertThat(retrOctets(n)).as("octets RETR %d sends, against LIST", n).isEqualTo(listed);
            sum += listed;
        }
        assertThat(sum).isEqualTo(total);
    }

    @Test
    void imapHeaderAndTextAddUpToTheMessageSize() throws Exception {
        for (String[] user : new String[][] {{"frobozz", "xyzzy"}, {"demo", "demo"}}) {
            loginImap(user[0], user[1]);
            assertThat(imapSizesOf(1)).as(user[0]).isTrue();
            ws.exchange("LOGOUT");
            ws.next("closed");
        }
    }

    @Test
    void mailSentThroughSmtpHasOneSizeEverywhereEvenWithoutABlankLineOrWithDots() throws Exception {
        greet("smtp");
        ws.exchange("EHLO parley.local");
        ws.exchange("MAIL FROM:<bob@localhost>");
        ws.exchange("RCPT TO:<bob@localhost>");
        ws.exchange("DATA");
        // no blank line: the whole message is header (GreenMail listed it as "3 -1")
        ws.send("Subject: only a header");
        assertThat(ws.exchange(".").firstLine()).startsWith("250");
        ws.exchange("MAIL FROM:<bob@localhost>");
        ws.exchange("RCPT TO:<bob@localhost>");
        ws.exchange("DATA");
        ws.payload("Subject: dots\r\n\r\nBlah blah blah...\r\n...etc. etc. etc.\r\n");
        assertThat(ws.answer().firstLine()).startsWith("250");
        ws.exchange("QUIT");
        ws.next("closed");

        loginPop3("bob", "redqueen");
        List<String> listing = ws.exchange("LIST").lines();
        assertThat(listing).hasSize(6);
        assertThat(listing.get(3)).matches("3 [1-9][0-9]*");
        assertThat(retrOctets(4)).isEqualTo(Long.parseLong(listing.get(4).split(" ")[1]));
        WsClient.Answer dots = ws.exchange("RETR 4");
        assertThat(dots.lines()).contains("....etc. etc. etc.");
        ws.exchange("QUIT");
        ws.next("closed");

        loginImap("bob", "redqueen");
        assertThat(imapSizesOf(4)).isTrue();
    }

    @Test
    void mistakesAreAnsweredInWordsNotJavaExceptions() throws Exception {
        greet("pop3");
        ws.exchange("USER bob");
        WsClient.Answer wrong = ws.exchange("PASS bluequeen");
        assertThat(wrong.firstLine()).isEqualTo("-ERR Wrong password for bob.");
        WsClient.Answer right = ws.exchange("PASS redqueen");
        assertThat(right.firstLine()).matches("\\+OK bob's maildrop has 2 messages \\(\\d+ octets\\)");
        for (String line : List.of("RETR", "RETR x", "LIST one", "DELE", "TOP 1")) {
            String answer = ws.exchange(line).firstLine();
            assertThat(answer).as(line).startsWith("-ERR ").doesNotContain("java.", "Exception", "icegreen");
        }
        assertThat(ws.exchange("LIST 1").firstLine()).matches("\\+OK 1 \\d+");
    }

    @Test
    void aRefusedDataClaimsNoLinesWereDroppedWhenNoneWereTyped() throws Exception {
        greet("smtp");
        ws.exchange("EHLO parley.local");
        WsClient.Answer refused = ws.exchange("DATA");
        assertThat(refused.firstLine()).startsWith("5");
        JsonNode notice = ws.next("notice");
        assertThat(notice.path("text").asString()).startsWith("The server refused DATA")
                .contains("the next line you type is a command again").doesNotContain("not sent");
    }

    @Test
    void demosMessageFromCrisIsMultipartWithTheLessonsTextFirst() throws Exception {
        loginImap("demo", "demo");
        WsClient.Answer structure = ws.exchange("FETCH 1 BODYSTRUCTURE");
        assertThat(structure.firstLine()).contains("\"alternative\"").contains("\"plain\"").contains("\"html\"");
        WsClient.Answer first = ws.exchange("FETCH 1 BODY[1]");
        assertThat(first.literals().getFirst().path("text").asString()).startsWith("If you are reading this email");
    }

    private void loginPop3(String user, String password) throws Exception {
        greet("pop3");
        ws.exchange("USER " + user);
        assertThat(ws.exchange("PASS " + password).status()).isEqualTo("ok");
    }

    private void loginImap(String user, String password) throws Exception {
        greet("imap");
        assertThat(ws.exchange("LOGIN " + user + " " + password).status()).isEqualTo("ok");
        assertThat(ws.exchange("SELECT INBOX").status()).isEqualTo("ok");
    }

    /** Octets of message n as RETR sends it: its lines, un-stuffed, with CRLF between them. */
    private long retrOctets(int n) throws Exception {
        List<String> lines = ws.exchange("RETR " + n).lines();
        List<String> message = lines.subList(1, lines.size() - 1);
        long octets = 0;
        for (String line : message) {
            octets += (line.startsWith("..") ? line.length() - 1 : line.length()) + 2;
        }
        // the CRLF after the last line belongs to the closing CRLF.CRLF (RFC 1939 §3)
        return octets - 2;
    }

    private boolean imapSizesOf(int n) throws Exception {
        String size = ws.exchange("FETCH " + n + " RFC822.SIZE").firstLine();
        long rfc822 = Long.parseLong(size.replaceAll(".*RFC822.SIZE (\\d+).*", "$1"));
        WsClient.Answer headerAnswer = ws.exchange("FETCH " + n + " BODY[HEADER]");
        JsonNode header = headerAnswer.literals().getFirst();
        JsonNode text = ws.exchange("FETCH " + n + " BODY[TEXT]").literals().getFirst();
        long added = header.path("octets").asLong() + text.path("octets").asLong();
        if (header.path("text").asString().endsWith("\r\n\r\n")) {
            assertThat(added).as("BODY[HEADER] + BODY[TEXT]").isEqualTo(rfc822);
        } else {
            // GreenMail leaves out the header's blank line (RFC 9051 §6.4.5): the row says so, and the 2 octets are it
            assertThat(added + 2).as("BODY[HEADER] + blank line + BODY[TEXT]").isEqualTo(rfc822);
            assertThat(headerAnswer.events()).anySatisfy(e -> assertThat(e.path("text").asString())
                    .contains("no blank line at its end", "2 octets less than RFC822.SIZE"));
        }
        return true;
    }
}

package dev.parley.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.WsClient;
import org.junit.jupiter.api.Test;

/** The lesson's POP3 transcript: USER/PASS, STAT, LIST, RETR, DELE, QUIT against the practice server. */
class PracticePop3Test extends PracticeSessionTest {

    @Test
    void lessonTranscriptReadsAndDeletesBobsMail() throws Exception {
        assertThat(greet("pop3").firstLine()).startsWith("+OK");
        assertThat(ws.exchange("USER bob").firstLine()).startsWith("+OK");
        assertThat(ws.exchange("PASS redqueen").status()).isEqualTo("ok");

        WsClient.Answer stat = ws.exchange("STAT");
        assertThat(stat.firstLine()).matches("\\+OK 2 \\d+");
        long total = Long.parseLong(stat.firstLine().split(" ")[2]);

        WsClient.Answer list = ws.exchange("LIST");
        assertThat(list.lines()).hasSize(4);
        assertThat(list.lines().get(1)).matches("1 \\d+");
        assertThat(list.lines().get(2)).matches("2 \\d+");
        assertThat(list.lines().getLast()).isEqualTo(".");
        long sum = Long.parseLong(list.lines().get(1).split(" ")[1]) + Long.parseLong(list.lines().get(2).split(" ")[1]);
        assertThat(sum).isEqualTo(total);

        WsClient.Answer retr = ws.exchange("RETR 1");
        assertThat(retr.firstLine()).startsWith("+OK");
        assertThat(retr.lines()).contains("Subject: Tea at four", "Tea at four? The Red Queen is coming.");
        assertThat(retr.lines().getLast()).isEqualTo(".");
        assertThat(retr.status()).isEqualTo("ok");

        assertThat(ws.exchange("DELE 1").firstLine()).startsWith("+OK");
        assertThat(ws.exchange("QUIT").firstLine()).startsWith("+OK");
        assertThat(ws.next("closed").path("by").asString()).isEqualTo("server");

        greet("pop3");
        ws.exchange("USER bob");
        ws.exchange("PASS redqueen");
        assertThat(ws.exchange("STAT").firstLine()).startsWith("+OK 1 ");
    }

    @Test
    void wrongPasswordIsAnErrorAndTheSessionGoesOn() throws Exception {
        greet("pop3");
        ws.exchange("USER bob");
        WsClient.Answer refused = ws.exchange("PASS bluequeen");
        assertThat(refused.firstLine()).startsWith("-ERR");
        assertThat(refused.status()).isEqualTo("error");
        assertThat(ws.exchange("NOOP").status()).isNotNull();
    }
}

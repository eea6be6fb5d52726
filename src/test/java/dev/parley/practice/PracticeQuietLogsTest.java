package dev.parley.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A learner's mistakes are not server errors: typos and a connection dropped in the middle of
 * {@code DATA} leave no {@code ERROR} line and no stack trace in the log, and never the message
 * text the learner was writing.
 */
@ExtendWith(OutputCaptureExtension.class)
class PracticeQuietLogsTest extends PracticeSessionTest {

    @Test
    void typosAndADroppedDataLeaveNoErrorAndNoMessageTextInTheLog(CapturedOutput output) throws Exception {
        greet("imap");
        ws.exchange("FOO");
        ws.exchange("SELECT INBOX");
        ws.exchange("LOGOUT");
        ws.next("closed");

        greet("pop3");
        ws.exchange("HELO");
        ws.exchange("RETR");
        ws.exchange("QUIT");
        ws.next("closed");

        greet("smtp");
        ws.exchange("EHLO parley.local");
        ws.exchange("MAIL FROM:<bob@localhost>");
        ws.exchange("RCPT TO:<demo@localhost>");
        ws.exchange("DATA");
        ws.send("Subject: the secret plan");
        ws.send("meet at the old mill");
        ws.op(Map.of("op", "disconnect"));
        ws.next("closed");
        // the practice server notices the dropped connection on its own thread
        Thread.sleep(1_000);

        assertThat(output.getAll()).doesNotContain(" ERROR ", "Exception in thread", "the secret plan",
                "old mill", "Unexpected end of stream");
    }
}

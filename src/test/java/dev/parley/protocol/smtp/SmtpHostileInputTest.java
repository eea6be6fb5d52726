package dev.parley.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.parley.protocol.FramingLimits;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a server sends, the dialect answers with events, never an exception. */
class SmtpHostileInputTest {

    private static final String[] PIECES = {"250", "250-", "250 ", "354 go\r\n", "334 VXNlcm5hbWU6\r\n", "220 ", "5.1.1 ",
        "\r\n", "\n", "\r", ".", "x", "\u00e9", "\u0000", "9", "-", " "};
    private static final String[] TYPED = {"EHLO me", "DATA", "AUTH LOGIN", "STARTTLS", ".", "..x", "*", "QUIT", ""};

    @Test
    void randomServerBytesAndTypedLinesNeverThrow() {
        Random random = new Random(5321);
        FramingLimits limits = new FramingLimits(64, 64, 2048);
        for (int round = 0; round < 500; round++) {
            SmtpDialect dialect = new SmtpDialect(limits);
            assertThatCode(() -> {
                for (int step = 0; step < 40; step++) {
                    if (random.nextInt(4) == 0) {
                        dialect.write(TYPED[random.nextInt(TYPED.length)], random.nextBoolean());
                        dialect.payload("a\r\n.b");
                    } else {
                        byte[] b = randomBytes(random);
                        dialect.read(b, 0, b.length);
                    }
                }
                dialect.endOfInput();
            }).doesNotThrowAnyException();
        }
    }

    static byte[] randomBytes(Random random) {
        if (random.nextInt(5) == 0) {
            byte[] noise = new byte[random.nextInt(100)];
            random.nextBytes(noise);
            return noise;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

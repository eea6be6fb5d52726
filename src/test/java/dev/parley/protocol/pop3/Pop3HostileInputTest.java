package dev.parley.protocol.pop3;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.parley.protocol.FramingLimits;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a server sends, the dialect answers with events, never an exception. */
class Pop3HostileInputTest {

    private static final String[] PIECES = {"+OK", "-ERR", "+ ", "+", " [IN-USE]", "[", "]", "..", ".", "\r\n", "\n", "\r",
        "1 120", "x", "\u00e9", "\u0000"};
    private static final String[] TYPED = {"LIST", "LIST 1", "RETR 1", "CAPA", "STLS", "AUTH PLAIN", "AUTH", "*", "QUIT", ""};

    @Test
    void randomServerBytesAndTypedLinesNeverThrow() {
        Random random = new Random(1939);
        FramingLimits limits = new FramingLimits(64, 64, 2048);
        for (int round = 0; round < 500; round++) {
            Pop3Dialect dialect = new Pop3Dialect(limits);
            assertThatCode(() -> {
                for (int step = 0; step < 40; step++) {
                    if (random.nextInt(4) == 0) {
                        dialect.write(TYPED[random.nextInt(TYPED.length)], false);
                    } else {
                        byte[] b = randomBytes(random);
                        dialect.read(b, 0, b.length);
                    }
                }
                dialect.endOfInput();
            }).doesNotThrowAnyException();
        }
    }

    private static byte[] randomBytes(Random random) {
        if (random.nextInt(5) == 0) {
            byte[] noise = new byte[random.nextInt(100)];
            random.nextBytes(noise);
            return noise;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}

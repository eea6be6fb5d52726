package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The framer every dialect reads through. Its cost must be linear in the bytes received however a
 * server splits them: a long line arriving a few bytes per read (a slow or hostile server) used to
 * be rescanned from its start on every read, quadratic in the line's length. The proof counts the
 * bytes examined ({@link LineBuffer#scannedBytes}) instead of timing anything.
 */
class LineBufferTest {

    private static final int LIMIT = 32 * 1024;

    @Test
    void aLongLineFedFourBytesAtATimeIsScannedOnce() {
        byte[] line = line(32_000);
        LineBuffer buffer = new LineBuffer(LIMIT);
        List<LineBuffer.RawLine> framed = new ArrayList<>();
        for (int offset = 0; offset < line.length; offset += 4) {
            buffer.append(line, offset, Math.min(4, line.length - offset));
            LineBuffer.LineResult result = buffer.nextLine();
            if (result.line() != null) {
                framed.add(result.line());
            }
        }
        assertThat(framed).singleElement().satisfies(l -> {
            assertThat(l.text()).hasSize(32_000);
            assertThat(l.terminator()).isEqualTo(Terminator.CRLF);
            assertThat(l.octets()).isEqualTo(32_002);
        });
        // Rescanning from the start on every read would examine about 32,002² / 8 ≈ 128 million bytes.
        assertThat(buffer.scannedBytes).isEqualTo(line.length);
    }

    @Test
    void manyLinesInOneReadAreEachScannedOnce() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            text.append("250-line ").append(i).append("\r\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        LineBuffer buffer = new LineBuffer(LIMIT);
        buffer.append(bytes, 0, bytes.length);
        int lines = 0;
        while (buffer.nextLine().line() != null) {
            lines++;
        }
        assertThat(lines).isEqualTo(1_000);
        assertThat(buffer.scannedBytes).isEqualTo(bytes.length);
    }

    @Test
    void linesSplitAtRandomPointsAcrossBufferGrowthAndCompactionAreFramedExactly() {
        Random random = new Random(13);
        List<String> expected = new ArrayList<>();
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            // Short lines and lines far longer than the initial array, so the buffer grows and compacts.
            String text = "x".repeat(random.nextInt(random.nextInt(10) == 0 ? 9_000 : 80)) + i;
            boolean bareLf = i % 7 == 0;
            expected.add(text + (bareLf ? " LF" : " CRLF"));
            wire.append(text).append(bareLf ? "\n" : "\r\n");
        }
        byte[] bytes = wire.toString().getBytes(StandardCharsets.US_ASCII);
        LineBuffer buffer = new LineBuffer(LIMIT);
        List<String> framed = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; ) {
            int n = Math.min(1 + random.nextInt(3_000), bytes.length - offset);
            buffer.append(bytes, offset, n);
            offset += n;
            for (LineBuffer.LineResult r = buffer.nextLine(); r.line() != null; r = buffer.nextLine()) {
                framed.add(r.line().text() + " " + r.line().terminator());
            }
        }
        assertThat(framed).isEqualTo(expected);
        assertThat(buffer.scannedBytes).isEqualTo(bytes.length);
    }

    @Test
    void octetsTakenByCountAreNotScannedAndFramingResumesAfterThem() {
        // An IMAP literal: a line announcing {10}, ten octets holding a LF, then the rest of the response.
        byte[] bytes = "* 1 FETCH (BODY[] {10}\r\nab\r\ncd\r\nef)\r\n".getBytes(StandardCharsets.US_ASCII);
        LineBuffer buffer = new LineBuffer(LIMIT);
        buffer.append(bytes, 0, 5);
        assertThat(buffer.nextLine().needMore()).isTrue();
        buffer.append(bytes, 5, bytes.length - 5);
        assertThat(buffer.nextLine().line().text()).isEqualTo("* 1 FETCH (BODY[] {10}");
        assertThat(new String(buffer.take(10), StandardCharsets.US_ASCII)).isEqualTo("ab\r\ncd\r\nef");
        assertThat(buffer.nextLine().line().text()).isEqualTo(")");
        assertThat(buffer.available()).isZero();
    }

    @Test
    void aLineOverTheLimitFedInPiecesIsReportedOnceItCrossesTheLimit() {
        LineBuffer buffer = new LineBuffer(64);
        byte[] piece = new byte[10];
        Arrays.fill(piece, (byte) 'a');
        String overlong = null;
        int fed = 0;
        while (overlong == null) {
            buffer.append(piece, 0, piece.length);
            fed += piece.length;
            overlong = buffer.nextLine().overlong();
        }
        assertThat(fed).isEqualTo(70);
        assertThat(overlong).contains("70 octets or more", "64-octet limit");
        assertThat(buffer.available()).isZero();
    }

    private static byte[] line(int length) {
        byte[] line = new byte[length + 2];
        Arrays.fill(line, (byte) 'a');
        line[length] = '\r';
        line[length + 1] = '\n';
        return line;
    }
}

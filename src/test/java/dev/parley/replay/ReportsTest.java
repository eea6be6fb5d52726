package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Direction;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.Terminator;
import dev.parley.transcript.LineKind;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptLine;
import dev.parley.transcript.TranscriptMeta;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The JUnit XML, the marked ladder and the console report, from one passing and one failing replay. */
class ReportsTest {

    private static final String HOSTILE = "250 \u001b]0;owned\u0007 OK <b>&";

    private static ReplayRun passing() {
        ReplayReport report = new ReplayReport("pop3.txt", "pop3://127.0.0.1:3110", true,
                List.of(new ReplayReport.StepResult(0, 4, "", List.of("+OK <greeting>"), List.of("+OK ready"), true,
                        null, Map.of())), "S: +OK ready\n", null, 120, null);
        return new ReplayRun(report, transcript(Protocol.POP3, "S", "+OK ready"), List.of(new ReplayRun.Span(1, 1)));
    }

    private static ReplayRun failing() {
        List<ReplayReport.StepResult> steps = List.of(
                new ReplayReport.StepResult(0, 3, "", List.of("220 <greeting>"), List.of("220 hi"), true, null, Map.of()),
                new ReplayReport.StepResult(1, 4, "MAIL FROM:<bob@localhost>", List.of("550 No such user"),
                        List.of(HOSTILE), false, "Expected 550 but the server answered 250.", Map.of()),
                new ReplayReport.StepResult(2, 6, "QUIT", List.of("221 bye"), List.of(), false,
                        "Not run: an earlier step failed.", Map.of()));
        ReplayReport report = new ReplayReport("smtp.txt", "smtp://127.0.0.1:3025", false, steps,
                "S: 220 hi\nC: MAIL FROM:<bob@localhost>\nS: " + HOSTILE + "\n", null, 80, null);
        return new ReplayRun(report, transcript(Protocol.SMTP, "S", "220 hi", "C", "MAIL FROM:<bob@localhost>", "S",
                HOSTILE), List.of(new ReplayRun.Span(1, 1), new ReplayRun.Span(2, 3), new ReplayRun.Span(4, 3)));
    }

    private static Transcript transcript(Protocol protocol, String... dirAndText) {
        List<TranscriptLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < dirAndText.length; i += 2) {
            lines.add(new TranscriptLine(lines.size() + 1, Direction.valueOf(dirAndText[i]), null, dirAndText[i + 1],
                    Terminator.CRLF, false, LineKind.LINE));
        }
        return new Transcript(new TranscriptMeta(null, protocol, "replay", null, null, null, null, null), lines);
    }


    @Test
    void junitHasOneCaseATranscriptAndTheFailureNamesTheStepExpectedAndActual() throws Exception {
        String xml = JUnitXml.write(new SuiteRun(List.of(passing(), failing()), 300), "parley replay");

        Document doc = XmlDocuments.parse(xml);
        Element suites = doc.getDocumentElement();
        assertThat(suites.getAttribute("tests")).isEqualTo("2");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        var cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("pop3.txt");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("Step 1 (line 4) “MAIL FROM:<bob@localhost>” failed:")
                .contains("Expected 550 but the server answered 250.", "Expected: 550 No such user", "Actual: 250 ");
        assertThat(failure.getTextContent()).contains("C: MAIL FROM:<bob@localhost>", "expected:\nS: 550 No such user",
                "actual:\nS: 250 ");
        assertThat(((Element) cases.item(1)).getElementsByTagName("system-out").item(0).getTextContent())
                .contains("C: MAIL FROM:<bob@localhost>");
    }

    @Test
    void whatTheServerSentCannotBreakTheXmlOrATerminal() throws Exception {
        String xml = JUnitXml.write(new SuiteRun(List.of(failing()), 80), "parley replay");
        assertThat(xml).doesNotContain("\u001b", "\u0007", "<b>");
        assertThat(XmlDocuments.parse(xml).getElementsByTagName("failure").item(0).getTextContent()).contains("\u241b]0;owned\u2407");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReport.print(new SuiteRun(List.of(failing()), 80), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("\u001b", "\u0007").contains("FAIL  smtp.txt", "at line 4",
                "C: MAIL FROM:<bob@localhost>", "S: 550 No such user", "Expected 550 but the server answered 250.",
                "0 passed, 1 failed, 0 could not run");
    }

    @Test
    void theLadderOfAFailingReplayMarksTheStepThatFailed() throws Exception {
        String svg = ReplayLadder.render(failing());

        Document doc = XmlDocuments.parse(svg);
        var texts = doc.getElementsByTagName("text");
        String label = null;
        for (int i = 0; i < texts.getLength(); i++) {
            if ("mismatch".equals(((Element) texts.item(i)).getAttribute("class"))) {
                label = texts.item(i).getTextContent();
            }
        }
        assertThat(label).isEqualTo("✗ step 1 failed: Expected 550 but the server answered 250.");
        assertThat(svg).contains("<rect class=\"mismatch\"");
        assertThat(ReplayLadder.render(passing())).doesNotContain("mismatch");
    }
}

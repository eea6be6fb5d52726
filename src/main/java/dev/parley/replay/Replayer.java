package dev.parley.replay;

import dev.parley.protocol.Outcomes;
import dev.parley.protocol.Protocol;
import dev.parley.replay.ReplayReport.StepResult;
import dev.parley.session.ConnectRequest;
import dev.parley.session.LiveSession;
import dev.parley.session.LiveSessions;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptRecorder;
import dev.parley.transcript.TranscriptStore;
import dev.parley.transcript.TranscriptText;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Runs a transcript against a server (CONTRACTS.md §3): through the same engine, target policy
 * and limits as a live session ({@link LiveSessions#open(dev.parley.session.SessionSink, String)}
 * with origin {@code replay}), so the replay is recorded like any conversation and its transcript
 * is returned and stored.
 *
 * <p>Every client line is sent <em>raw</em>, exactly as the transcript wrote it: its {@code C:}
 * lines are already what went on the wire, IMAP tags and SMTP dot-stuffing included, so adding a
 * tag or a second dot would change the conversation (and {@code exact} matching would fail on
 * the tags).
 */
@Service
public class Replayer {

    private final LiveSessions sessions;
    private final TranscriptRecorder recorder;
    private final TranscriptStore store;

    public Replayer(LiveSessions sessions, TranscriptRecorder recorder, TranscriptStore store) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.store = store;
    }

    public ReplayReport run(ReplayTarget target, Transcript transcript, ReplayOptions options)
            throws InterruptedException {
        ReplayScript script = ReplayScript.of(transcript);
        long started = System.nanoTime();
        EventCollector events = new EventCollector();
        LiveSession session = sessions.open(events, "replay");
        List<StepResult> results = new ArrayList<>();
        String transcriptId;
        try {
            ReplayConversation run = new ReplayConversation(session, events, started + options.timeLimit().toNanos(),
                    options.answerTimeout());
            String conversationId = run.connect(new ConnectRequest(target.protocol(), target.host(), target.port(),
                    target.implicitTls(), false));
            transcriptId = recorder.transcriptId(conversationId).orElse(null);
            List<ReplayScript.Step> steps = script.steps();
            boolean greetingScripted = !steps.isEmpty() && steps.getFirst().sent().isEmpty();
            if (!greetingScripted && target.protocol().greetsFirst()) {
                run.step(List.of(), List.of());
            }
            boolean failed = false;
            for (ReplayScript.Step step : steps) {
                if (failed && options.stopAtFirstMismatch()) {
                    results.add(new StepResult(step.index(), String.join("\n", step.sent()), step.expected(),
                            List.of(), false, "Not run: an earlier step failed."));
                    continue;
                }
                ReplayConversation.Answer answer = run.step(step.sent(), step.expected());
                StepResult result = judge(target.protocol(), options.match(), step, answer);
                failed |= !result.passed();
                results.add(result);
            }
            run.hangUp();
        } finally {
            sessions.close(session);
        }
        recorder.flush();
        String text = transcriptId == null ? "" : store.find(transcriptId).map(TranscriptText::print).orElse("");
        boolean passed = results.stream().allMatch(StepResult::passed);
        return new ReplayReport(passed, results, text, transcriptId, (System.nanoTime() - started) / 1_000_000);
    }

    static StepResult judge(Protocol protocol, Match match, ReplayScript.Step step, ReplayConversation.Answer answer) {
        String sent = String.join("\n", step.sent());
        if (answer.problem() != null) {
            return new StepResult(step.index(), sent, step.expected(), answer.lines(), false, answer.problem());
        }
        List<String> expectedOutcome = match == Match.CODES
                ? Outcomes.of(protocol, step.expected(), LinePatterns::isWholeLine)
                : null;
        if (expectedOutcome == null) {
            boolean passed = LinePatterns.matchAll(step.expected(), answer.lines());
            return new StepResult(step.index(), sent, step.expected(), answer.lines(), passed,
                    passed ? null : "The server's lines differ from the expected ones.");
        }
        List<String> actualOutcome = Outcomes.of(protocol, answer.lines(), LinePatterns::isWholeLine);
        boolean passed = expectedOutcome.isEmpty() || expectedOutcome.equals(actualOutcome);
        return new StepResult(step.index(), sent, step.expected(), answer.lines(), passed, passed ? null
                : "Expected " + String.join(" ", expectedOutcome) + " but the server answered "
                        + (actualOutcome.isEmpty() ? "nothing conclusive" : String.join(" ", actualOutcome)) + ".");
    }
}

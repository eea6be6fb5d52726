package dev.parley.replay;

import dev.parley.replay.ReplayReport.StepResult;
import dev.parley.session.ConnectRequest;
import dev.parley.session.LiveSession;
import dev.parley.session.LiveSessions;
import dev.parley.session.SessionOwner;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptRecorder;
import dev.parley.transcript.TranscriptText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs one transcript against a server (CONTRACTS.md §3, §8): through the same engine, target
 * policy and limits as a live session ({@link LiveSessions#open(dev.parley.session.SessionSink, String,
 * java.util.function.UnaryOperator)} with origin {@code replay}), so the replay is recorded like any
 * conversation where a transcript recorder runs (the web application; not the command line).
 *
 * <p>Every client line is sent <em>raw</em>, exactly as the transcript wrote it once its
 * {@code ${name}} are filled in: its {@code C:} lines are already what went on the wire, IMAP tags
 * and SMTP dot-stuffing included, so adding a tag or a second dot would change the conversation
 * (and {@code exact} matching would fail on the tags).
 *
 * <p>Secret values (given as secrets, filling a masked spot, captured from a masked part of a
 * line) are masked in every event before the recorder or the replay sees it, and in the expected
 * lines, so that no report, transcript or log line of a replay holds one in clear.
 */
@Service
public class Replayer {

    private final LiveSessions sessions;
    private final ObjectProvider<TranscriptRecorder> recorder;
    private final ReplayLimits limits;

    public Replayer(LiveSessions sessions, ObjectProvider<TranscriptRecorder> recorder, ReplayLimits limits) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.limits = limits;
    }

    ReplayRun run(ReplayJob job, ReplayOptions options, SessionOwner owner) throws InterruptedException {
        long started = System.nanoTime();
        SecretValues secrets = job.secretValues();
        EventCollector events = new EventCollector(limits.maxQueued().toBytes(), limits.queueStall());
        ReplayRecording recording = new ReplayRecording(limits.maxRecorded().toBytes());
        LiveSession session = sessions.open(events, "replay", owner, secrets);
        TranscriptRecorder records = recorder.getIfAvailable();
        List<StepResult> results = new ArrayList<>();
        List<ReplayRun.Span> spans = new ArrayList<>();
        String transcriptId = null;
        ReplayReport.Failure failure = null;
        try {
            ReplayConversation run = new ReplayConversation(session, events, recording,
                    started + options.timeLimit().toNanos(), options.answerTimeout());
            try {
                String conversationId = run.connect(new ConnectRequest(job.target().protocol(), job.target().host(),
                        job.target().port(), job.target().implicitTls(), false));
                transcriptId = records == null ? null : records.transcriptId(conversationId).orElse(null);
                steps(job, options, run, secrets, events, recording, results, spans);
                run.hangUp();
            } catch (ReplayFailedException e) {
                failure = new ReplayReport.Failure(e.code(), secrets.mask(e.getMessage()));
            }
        } finally {
            sessions.close(session);
        }
        if (records != null) {
            records.flush();
        }
        Transcript happened = recording.transcript(transcriptId, job.target());
        boolean passed = failure == null && results.stream().allMatch(StepResult::passed);
        ReplayReport report = new ReplayReport(job.name(), job.target().toString(), passed, List.copyOf(results),
                TranscriptText.print(happened), transcriptId, (System.nanoTime() - started) / 1_000_000, failure);
        return new ReplayRun(report, happened, List.copyOf(spans));
    }

    private void steps(ReplayJob job, ReplayOptions options, ReplayConversation run, SecretValues secrets,
            EventCollector events, ReplayRecording recording, List<StepResult> results, List<ReplayRun.Span> spans)
            throws InterruptedException {
        List<ReplayScript.Step> steps = job.script().steps();
        boolean greetingScripted = !steps.isEmpty() && steps.getFirst().sent().isEmpty();
        if (!greetingScripted && job.target().protocol().greetsFirst()) {
            run.step(List.of(), List.of());
        }
        Map<String, String> values = new HashMap<>(job.variables());
        List<Set<String>> neededLater = neededLater(steps);
        String stop = null;
        for (ReplayScript.Step step : steps) {
            int from = recording.size() + 1;
            StepResult result;
            Set<String> missing = new HashSet<>(step.needs());
            missing.removeAll(values.keySet());
            if (stop != null) {
                result = notRun(step, values, secrets, "Not run: " + stop);
            } else if (!missing.isEmpty()) {
                result = notRun(step, values, secrets, "Not run: no value for " + refs(missing)
                        + ": the step that should capture it did not.");
            } else {
                result = runStep(job, options, run, secrets, values, step, neededLater.get(step.index()));
            }
            results.add(result);
            spans.add(new ReplayRun.Span(from, recording.size()));
            if (stop == null && (recording.full() || events.overflowed())) {
                stop = "the replay stopped at step " + step.index() + " (" + result.reason() + ")";
            } else if (stop == null && !result.passed() && options.stopAtFirstMismatch()) {
                stop = "an earlier step failed.";
            }
        }
    }

    private StepResult runStep(ReplayJob job, ReplayOptions options, ReplayConversation run, SecretValues secrets,
            Map<String, String> values, ReplayScript.Step step, Set<String> neededLater) throws InterruptedException {
        List<String> sent = step.templates().stream().map(t -> VariableRefs.substitute(t, values::get)).toList();
        List<String> expected = expected(step, values, secrets);
        ReplayConversation.Answer answer = run.step(sent, expected);
        String reason = StepJudge.judge(job.target().protocol(), options.match(), expected, answer);
        Captures.Bound bound = Captures.read(expected, answer);
        bound.secret().forEach(secrets::add);
        values.putAll(bound.values());
        Map<String, String> captured = new LinkedHashMap<>();
        bound.values().forEach((name, value) -> captured.put(name, secrets.mask(value)));
        if (reason == null) {
            List<String> uncaptured = step.captures().stream().filter(neededLater::contains)
                    .filter(n -> !bound.values().containsKey(n)).toList();
            if (!uncaptured.isEmpty()) {
                reason = "No line of the answer has the form of the line that captures " + refs(uncaptured)
                        + ", which a later step uses.";
            }
        }
        String shownSent = answer.sent().isEmpty() ? String.join("\n", secrets.mask(sent)) : String.join("\n",
                answer.sent());
        return new StepResult(step.index(), step.line(), shownSent, expected, answer.lines(), reason == null,
                reason == null ? null : secrets.mask(reason), captured);
    }

    private static StepResult notRun(ReplayScript.Step step, Map<String, String> values, SecretValues secrets,
            String reason) {
        List<String> sent = step.templates().stream().map(t -> secrets.mask(VariableRefs.substitute(t, values::get)))
                .toList();
        return new StepResult(step.index(), step.line(), String.join("\n", sent), expected(step, values, secrets),
                List.of(), false, reason, Map.of());
    }

    /** The expected lines with the values known so far filled in, and secrets masked as the answer's are. */
    private static List<String> expected(ReplayScript.Step step, Map<String, String> values, SecretValues secrets) {
        return step.expected().stream().map(l -> secrets.mask(VariableRefs.substitute(l, values::get))).toList();
    }

    private static String refs(Collection<String> names) {
        return String.join(", ", names.stream().sorted().map(n -> "${" + n + "}").toList());
    }

    /** For each step, the names a later step uses: only those captures must bind. */
    private static List<Set<String>> neededLater(List<ReplayScript.Step> steps) {
        List<Set<String>> out = new ArrayList<>();
        Set<String> later = new HashSet<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            out.addFirst(Set.copyOf(later));
            ReplayScript.Step step = steps.get(i);
            later.addAll(step.needs());
            step.expected().forEach(l -> later.addAll(VariableRefs.names(l)));
        }
        return out;
    }
}

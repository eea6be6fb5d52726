package dev.parley.web;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.Dialects;
import dev.parley.protocol.FramingLimits;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meanings and outcomes of a stored conversation, for the share page: its lines played
 * through a fresh dialect of their protocol, as the live session does, so the page shows the same
 * reply meanings and the same red for a {@code 550} as the live console. One set of rules, in the
 * protocol package; nothing here reads a reply itself.
 */
final class ShareMeanings {

    /**
     * An answer completed after the stored line {@code after}; {@code seq} is the client line it
     * answered (0 for a greeting).
     */
    record Completion(int after, int seq, String status) {
    }

    /** Annotations by stored line seq, and the completions in order. */
    record Result(Map<Integer, Map<String, Object>> annotations, List<Completion> completions) {
    }

    /** A transcript past this many lines is not annotated (the page shows it plain). */
    static final int MAX_LINES = 50_000;

    private ShareMeanings() {
    }

    static Result of(Transcript transcript) {
        Map<Integer, Map<String, Object>> annotations = new LinkedHashMap<>();
        List<Completion> completions = new ArrayList<>();
        if (transcript.meta().protocol() == null || transcript.lines().size() > MAX_LINES) {
            return new Result(annotations, completions);
        }
        Dialect dialect = Dialects.create(transcript.meta().protocol(), FramingLimits.DEFAULT);
        Deque<Integer> inOrder = new ArrayDeque<>();
        Map<String, Integer> byTag = new HashMap<>();
        try {
            for (TranscriptLine line : transcript.lines()) {
                switch (line.kind()) {
                    case LINE -> {
                        if (line.direction() == dev.parley.protocol.Direction.C) {
                            client(dialect, line, annotations, inOrder, byTag);
                        } else {
                            server(dialect, line, (line.text() + "\r\n").getBytes(StandardCharsets.UTF_8), annotations,
                                    completions, inOrder, byTag);
                        }
                    }
                    case LITERAL -> server(dialect, line, line.text().getBytes(StandardCharsets.UTF_8), annotations,
                            completions, inOrder, byTag);
                    case BODY, NOTE, TLS -> {
                        // not traffic the dialect reads: a body summary, Parley's notes, the TLS marker
                    }
                }
            }
        } catch (RuntimeException unexpected) {
            // A stored conversation the dialect cannot follow (an imported, hand-written one): the
            // lines read so far keep their meanings, the rest are shown plain.
        }
        return new Result(annotations, completions);
    }

    private static void client(Dialect dialect, TranscriptLine line, Map<Integer, Map<String, Object>> annotations,
            Deque<Integer> inOrder, Map<String, Integer> byTag) {
        if (!(dialect.write(line.text(), false) instanceof ClientWrite.Send send) || send.lines().isEmpty()) {
            return;
        }
        put(annotations, line.seq(), send.lines().getFirst().annotation());
        if (send.expectsAnswer()) {
            if (send.answerTag() != null) {
                byTag.put(send.answerTag(), line.seq());
            } else {
                inOrder.add(line.seq());
            }
        }
    }

    private static void server(Dialect dialect, TranscriptLine line, byte[] bytes,
            Map<Integer, Map<String, Object>> annotations, List<Completion> completions, Deque<Integer> inOrder,
            Map<String, Integer> byTag) {
        for (DialectEvent event : dialect.read(bytes, 0, bytes.length)) {
            if (event instanceof DialectEvent.ServerLine server && !annotations.containsKey(line.seq())) {
                put(annotations, line.seq(), server.annotation());
            } else if (event instanceof DialectEvent.Complete complete) {
                Integer asked = complete.tag() != null ? byTag.remove(complete.tag()) : inOrder.poll();
                completions.add(new Completion(line.seq(), asked == null ? 0 : asked, complete.status().id()));
            }
        }
    }

    /** The annotation as the live WebSocket writes it (CONTRACTS.md §1: {@code final}, not {@code last}). */
    private static void put(Map<Integer, Map<String, Object>> annotations, int seq, Annotation a) {
        if (a == null) {
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", a.kind());
        if (a.code() != null) {
            json.put("code", a.code());
        }
        if (a.verb() != null) {
            json.put("verb", a.verb());
        }
        if (a.meaning() != null) {
            json.put("meaning", a.meaning());
        }
        if (a.last() != null) {
            json.put("final", a.last());
        }
        if (a.reference() != null) {
            json.put("reference", a.reference());
        }
        annotations.put(seq, json);
    }
}

package dev.parley.session;

import dev.parley.protocol.Annotation;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Session events as the WebSocket contract writes them (CONTRACTS.md §1): one JSON object each,
 * {@code event} naming it, annotations with their {@code final} flag. The one writer for every
 * viewer: the learner's own WebSocket and a follower's alike.
 *
 * <p>The events of every line ({@code line}, {@code complete}) are written field by field with
 * Jackson's streaming generator, and each distinct annotation (a value: the same reply code gets
 * the same sentence every time) is written once and then reused: under load, databind's
 * polymorphic record serialisation was a sixth of all the CPU Parley used (issue #13). The output
 * is the same as databind's, character for character ({@code EventJsonTest} compares them); every
 * other event goes through databind.
 */
@Component
public class EventJson {

    /** Distinct annotations kept as JSON; past this many (server text in a sentence?) the rest are written each time. */
    static final int MAX_CACHED_ANNOTATIONS = 4096;

    private final JsonMapper mapper;
    private final ObjectWriter writer;
    private final ObjectWriter annotationWriter;
    private final Map<Annotation, String> annotations = new ConcurrentHashMap<>();

    public EventJson(JsonMapper json) {
        this.mapper = json.rebuild().addMixIn(Annotation.class, AnnotationJson.class).build();
        this.writer = mapper.writerFor(SessionEvent.class);
        this.annotationWriter = mapper.writerFor(Annotation.class);
    }

    public String write(SessionEvent event) {
        return switch (event) {
            case SessionEvent.Line line -> line(line);
            case SessionEvent.Complete complete -> complete(complete);
            default -> writer.writeValueAsString(event);
        };
    }

    /** The mapper that reads and writes events and browser messages alike. */
    public JsonMapper mapper() {
        return mapper;
    }

    public ObjectWriter writer() {
        return writer;
    }

    private String line(SessionEvent.Line line) {
        String annotation = line.annotation() == null ? null : annotation(line.annotation());
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("event", "line");
            optional(g, "dir", line.dir());
            optional(g, "text", line.text());
            g.writeNumberProperty("seq", line.seq());
            if (line.at() != null) {
                // ISO-8601 in UTC with the nanoseconds it has, as Jackson's InstantSerializer writes it.
                g.writeStringProperty("at", line.at().toString());
            }
            optional(g, "terminator", line.terminator());
            g.writeBooleanProperty("secure", line.secure());
            if (annotation != null) {
                g.writeName("annotation");
                g.writeRawValue(annotation);
            }
            optional(g, "redacted", line.redacted());
            g.writeEndObject();
        }
        return out.toString();
    }

    private String complete(SessionEvent.Complete complete) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("event", "complete");
            g.writeNumberProperty("seq", complete.seq());
            optional(g, "status", complete.status());
            g.writeNumberProperty("elapsedMicros", complete.elapsedMicros());
            g.writeEndObject();
        }
        return out.toString();
    }

    private String annotation(Annotation annotation) {
        String json = annotations.get(annotation);
        if (json == null) {
            json = annotationWriter.writeValueAsString(annotation);
            if (annotations.size() < MAX_CACHED_ANNOTATIONS) {
                annotations.putIfAbsent(annotation, json);
            }
        }
        return json;
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    /**
     * The event as a second viewer (an instructor following) may see it: a line that carried a
     * secret shows its masked text only; the learner's own console is the one place with the clear text.
     */
    public static SessionEvent forSecondViewer(SessionEvent event) {
        if (event instanceof SessionEvent.Line line && line.redacted() != null) {
            return new SessionEvent.Line(line.dir(), line.redacted(), line.seq(), line.at(), line.terminator(),
                    line.secure(), line.annotation(), null);
        }
        return event;
    }
}

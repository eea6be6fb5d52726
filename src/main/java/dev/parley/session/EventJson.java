package dev.parley.session;

import dev.parley.protocol.Annotation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Session events as the WebSocket contract writes them (CONTRACTS.md §1): one JSON object each,
 * {@code event} naming it, annotations with their {@code final} flag. The one writer for every
 * viewer: the learner's own WebSocket and a follower's alike.
 */
@Component
public class EventJson {

    private final JsonMapper mapper;
    private final ObjectWriter writer;

    public EventJson(JsonMapper json) {
        this.mapper = json.rebuild().addMixIn(Annotation.class, AnnotationJson.class).build();
        this.writer = mapper.writerFor(SessionEvent.class);
    }

    public String write(SessionEvent event) {
        return writer.writeValueAsString(event);
    }

    /** The mapper that reads and writes events and browser messages alike. */
    public JsonMapper mapper() {
        return mapper;
    }

    public ObjectWriter writer() {
        return writer;
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

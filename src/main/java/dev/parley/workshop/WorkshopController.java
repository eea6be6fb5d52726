package dev.parley.workshop;

import dev.parley.security.IdentityCookie;
import dev.parley.security.ModeProperties;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptPage;
import dev.parley.transcript.TranscriptStore;
import dev.parley.transcript.TranscriptSummary;
import dev.parley.transcript.TranscriptText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workshops over REST (CONTRACTS.md §7): the instructor's (HTTP Basic or the dashboard's login)
 * and the attendees' join. Hosted mode only: on a laptop there is nobody to run a workshop for.
 */
@RestController
@RequestMapping("/api/workshops")
@Tag(name = "workshops", description = "Hosted workshops: the instructor's and the attendees' join")
class WorkshopController {

    record CreateRequest(String title, Integer capacity, Integer durationMinutes, List<String> protocols,
            List<String> targets) {
    }

    /** A workshop as the instructor sees it; {@code endedAt} is null and {@code running} true until it ends or expires. */
    record Created(String code, String title, String joinUrl, Instant expiresAt, int capacity, List<String> protocols,
            List<String> targets, Instant endedAt, boolean running) {
    }

    record JoinRequest(String name) {
    }

    record Mailbox(String address, String username, String password) {
    }

    record Joined(Map<String, String> attendee, Mailbox mailbox, Map<String, Map<String, Object>> practice) {
    }

    record Text(String text) {
    }

    record Suggestion(String line, String protocol) {
    }

    record RosterEntry(String id, String name, boolean online, String protocol, String target, String lastLine,
            Instant lastAt, Map<String, List<String>> steps, String lastError) {
    }

    static final int MAX_BROADCAST = 1000;

    private final Workshops workshops;
    private final ModeProperties mode;
    private final PracticeInfo practice;
    private final TranscriptStore transcripts;

    WorkshopController(Workshops workshops, ModeProperties mode, PracticeInfo practice, TranscriptStore transcripts) {
        this.workshops = workshops;
        this.mode = mode;
        this.practice = practice;
        this.transcripts = transcripts;
    }

    @PostMapping
    @Operation(summary = "Create a workshop (instructor)")
    ResponseEntity<Created> create(HttpServletRequest http, @RequestBody CreateRequest request) {
        hostedOnly();
        Workshop w = workshops.create(request.title(), request.capacity(), request.durationMinutes(),
                request.protocols(), request.targets());
        return ResponseEntity.created(URI.create("/api/workshops/" + w.code())).body(created(http, w));
    }

    @GetMapping
    @Operation(summary = "Every workshop, newest first (instructor)")
    List<Created> list(HttpServletRequest http) {
        hostedOnly();
        return workshops.all().stream().map(w -> created(http, w)).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One workshop (instructor)")
    Created one(HttpServletRequest http, @PathVariable String code) {
        return created(http, workshop(code));
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "End a workshop: sessions closed, practice accounts removed (instructor)")
    ResponseEntity<Void> end(@PathVariable String code) {
        workshops.end(workshop(code).code());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{code}/join")
    @Operation(summary = "Join a workshop with a display name (anyone with the code): sets the identity cookie")
    Joined join(HttpServletRequest http, HttpServletResponse response, @PathVariable String code,
            @RequestBody JoinRequest request) {
        hostedOnly();
        Workshops.Join join = workshops.join(code, request == null ? null : request.name());
        if (join.refusal() != null) {
            throw switch (join.refusal()) {
                case UNKNOWN -> problem(HttpStatus.NOT_FOUND, "No workshop has the code “" + code + "”. Check it with"
                        + " your instructor: it is six letters and digits.");
                case ENDED -> problem(HttpStatus.GONE, "This workshop has ended.");
                case FULL -> problem(HttpStatus.CONFLICT, "This workshop is full: every seat is taken. Ask your"
                        + " instructor to raise its capacity or to remove someone who left.");
            };
        }
        IdentityCookie.set(http, response, join.token());
        Attendee a = join.attendee();
        return new Joined(Map.of("id", a.id(), "name", a.name()), new Mailbox(a.address(), a.mailboxUser(),
                a.mailboxPassword()), practice.endpoints());
    }

    @GetMapping("/{code}/attendees")
    @Operation(summary = "The roster: who is online, on which protocol and target, their last line and progress (instructor)")
    List<RosterEntry> attendees(@PathVariable String code) {
        Workshop w = workshop(code);
        Map<String, Map<String, List<String>>> steps = workshops.steps(w.code());
        Instant now = Instant.now();
        return workshops.attendees(w.code()).stream().map(a -> new RosterEntry(a.id(), a.name(), a.online(now),
                a.protocol(), a.target(), a.lastLine(), a.lastAt(), steps.getOrDefault(a.id(), Map.of()), a.lastError()))
                .toList();
    }

    @PostMapping("/{code}/broadcast")
    @Operation(summary = "A notice every attendee page shows (instructor)")
    ResponseEntity<Void> broadcast(@PathVariable String code, @RequestBody Text body) {
        Workshop w = workshop(code);
        String text = body == null || body.text() == null ? "" : body.text().strip();
        if (text.isEmpty() || text.length() > MAX_BROADCAST) {
            throw problem(HttpStatus.BAD_REQUEST, "text: say something of 1 to " + MAX_BROADCAST + " characters");
        }
        workshops.broadcast(w.code(), text);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{code}/suggest")
    @Operation(summary = "A line every attendee finds in their input, unsent (instructor)")
    ResponseEntity<Void> suggest(@PathVariable String code, @RequestBody Suggestion body) {
        Workshop w = workshop(code);
        String line = body == null || body.line() == null ? "" : body.line();
        if (line.isBlank() || line.length() > 1000 || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw problem(HttpStatus.BAD_REQUEST, "line: one line of 1 to 1000 characters, without line breaks");
        }
        workshops.suggest(w.code(), line, body.protocol());
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping("/{code}/attendees/{id}")
    @Operation(summary = "Remove one attendee: their sessions close, their practice mailbox goes (instructor)")
    ResponseEntity<Void> remove(@PathVariable String code, @PathVariable String id) {
        if (!workshops.remove(workshop(code).code(), id)) {
            throw problem(HttpStatus.NOT_FOUND, "No attendee “" + id + "” in this workshop.");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/{code}/export.zip", produces = "application/zip")
    @Operation(summary = "Every attendee's transcripts, as text, one folder each (instructor)")
    void export(@PathVariable String code, HttpServletResponse response) throws IOException {
        Workshop w = workshop(code);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"workshop-" + w.code() + ".zip\"");
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            for (Attendee a : workshops.attendees(w.code())) {
                String folder = Workshops.slug(a.name()) + "-" + a.id() + "/";
                for (TranscriptSummary summary : everything(a.id())) {
                    Transcript t = transcripts.find(summary.id()).orElse(null);
                    if (t == null) {
                        continue;
                    }
                    zip.putNextEntry(new ZipEntry(folder + summary.started().toString().replace(':', '-') + "-"
                            + summary.protocol() + "-" + summary.id() + ".txt"));
                    zip.write(TranscriptText.print(t).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        }
    }

    @GetMapping(value = "/{code}/progress.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "Who did which walkthrough step (instructor)")
    String progress(@PathVariable String code) {
        Workshop w = workshop(code);
        Map<String, Map<String, List<String>>> steps = workshops.steps(w.code());
        StringBuilder csv = new StringBuilder("attendee,name,mailbox,protocol,step\r\n");
        for (Attendee a : workshops.attendees(w.code())) {
            Map<String, List<String>> done = steps.getOrDefault(a.id(), Map.of());
            for (String protocol : w.protocols()) {
                for (String step : done.getOrDefault(protocol, List.of())) {
                    csv.append(cell(a.id())).append(',').append(cell(a.name())).append(',').append(cell(a.address()))
                            .append(',').append(protocol).append(',').append(step).append("\r\n");
                }
            }
        }
        return csv.toString();
    }

    @ExceptionHandler(Workshops.BadWorkshop.class)
    ResponseEntity<ProblemDetail> bad(Workshops.BadWorkshop e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + ": " + e.getMessage());
        problem.setProperty("field", e.field());
        return ResponseEntity.badRequest().body(problem);
    }

    private List<TranscriptSummary> everything(String owner) {
        List<TranscriptSummary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            TranscriptPage chunk = transcripts.list(List.of(owner), null, page, 100);
            all.addAll(chunk.items());
            if (chunk.items().size() < 100) {
                return all;
            }
        }
    }

    /** A CSV field (RFC 4180), and never a formula when opened in a spreadsheet. */
    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private Workshop workshop(String code) {
        hostedOnly();
        return workshops.find(code).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No workshop has the code “"
                + code + "”."));
    }

    private void hostedOnly() {
        if (!mode.hosted()) {
            throw problem(HttpStatus.NOT_FOUND, "Workshops run on a hosted Parley (parley.mode=hosted); this one runs"
                    + " on a laptop, for one learner.");
        }
    }

    private static Created created(HttpServletRequest http, Workshop w) {
        String base = http.getScheme() + "://" + http.getServerName()
                + (http.getServerPort() == 80 || http.getServerPort() == 443 ? "" : ":" + http.getServerPort());
        return new Created(w.code(), w.title(), base + "/w/" + w.code(), w.expiresAt(), w.capacity(), w.protocols(),
                w.targets(), w.endedAt(), w.running(Instant.now()));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}

package dev.parley.web;

import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptStore;
import dev.parley.transcript.TranscriptText;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The share link {@code /t/{id}}: a read-only page that plays a stored transcript back, step by
 * step, with the playground's own rendering ({@code /share.js} fetches
 * {@code GET /t/{id}/transcript.json}). The link is the permission: the id is unguessable
 * ({@code TranscriptIds}), and whoever holds it may read the transcript here, as JSON, text or SVG,
 * while {@code /api/transcripts} answers only its owner (issue #9). An unknown id gets a 404 page
 * that says so in words.
 */
@Controller
class SharePageController {

    private final TranscriptStore store;

    SharePageController(TranscriptStore store) {
        this.store = store;
    }

    @GetMapping("/t/{id}")
    String share(@PathVariable String id, Model model, HttpServletResponse response) {
        Optional<Transcript> found = store.find(id);
        model.addAttribute("id", id);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "share-missing";
        }
        Transcript transcript = found.get();
        model.addAttribute("protocol", transcript.meta().protocol() == null ? ""
                : transcript.meta().protocol().id().toUpperCase(Locale.ROOT));
        model.addAttribute("target", transcript.meta().target() == null ? "a server"
                : transcript.meta().target().toString());
        return "share";
    }

    /**
     * {@code GET /t/{id}/meanings}: what each stored line means and which answers succeeded or
     * failed, so the share page shows the live console's meanings and colours. Readable by whoever
     * holds the link, like the page itself.
     */
    @GetMapping(path = "/t/{id}/transcript.json", produces = "application/json")
    @ResponseBody
    ResponseEntity<TranscriptJson> json(@PathVariable String id) {
        return store.find(id).map(t -> ResponseEntity.ok(TranscriptJson.of(t)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(path = "/t/{id}/transcript.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> text(@PathVariable String id) {
        return store.find(id).map(t -> ResponseEntity.ok(TranscriptText.print(t)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(path = "/t/{id}/transcript.svg")
    @ResponseBody
    ResponseEntity<String> svg(@PathVariable String id) {
        return store.find(id).map(TranscriptController::svgOf).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(path = "/t/{id}/meanings", produces = "application/json")
    @ResponseBody
    ResponseEntity<ShareMeanings.Result> meanings(@PathVariable String id) {
        return store.find(id).map(t -> ResponseEntity.ok(ShareMeanings.of(t)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}

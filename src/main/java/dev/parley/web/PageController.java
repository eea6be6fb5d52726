package dev.parley.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The playground page. Everything on it is static markup plus {@code /app.js}; the practice
 * presets and walkthroughs come from {@code GET /api/protocols}, the traffic from {@code /ws/session}.
 */
@Controller
class PageController {

    @GetMapping("/")
    String index() {
        return "index";
    }
}

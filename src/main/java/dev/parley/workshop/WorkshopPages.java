package dev.parley.workshop;

import dev.parley.security.ModeProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The workshop pages: {@code /w/{code}} to join, {@code /instructor} the dashboard, and its login. */
@Controller
class WorkshopPages {

    private final Workshops workshops;
    private final ModeProperties mode;

    WorkshopPages(Workshops workshops, ModeProperties mode) {
        this.workshops = workshops;
        this.mode = mode;
    }

    @GetMapping("/w/{code}")
    String join(@PathVariable String code, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        var workshop = mode.hosted() ? workshops.find(code) : java.util.Optional.<Workshop>empty();
        if (workshop.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", mode.hosted() ? "No workshop has the code “" + code + "”. Check it with your"
                    + " instructor." : "Workshops run on a hosted Parley; this one runs on a laptop.");
            return "join";
        }
        Workshop w = workshop.get();
        model.addAttribute("title", w.title());
        if (!w.running(java.time.Instant.now())) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("problem", "This workshop has ended.");
        }
        return "join";
    }

    @GetMapping("/instructor")
    String dashboard() {
        return "instructor";
    }

    @GetMapping("/instructor/login")
    String login() {
        return "instructor-login";
    }
}

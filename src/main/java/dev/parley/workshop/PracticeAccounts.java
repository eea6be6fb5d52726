package dev.parley.workshop;

import dev.parley.bus.EventBus;
import dev.parley.practice.PracticeServers;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attendees' practice mailboxes, on the instance that runs the practice mail servers (one per
 * cluster): made and removed as the bus says, from whichever instance an attendee joined, and
 * made again at start for everyone in a running workshop (the practice servers keep mail in memory).
 */
@Component
class PracticeAccounts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PracticeAccounts.class);

    private final PracticeServers practice;
    private final WorkshopStore store;
    private final EventBus bus;
    private final JsonMapper json;
    private volatile EventBus.Subscription subscription;

    PracticeAccounts(PracticeServers practice, WorkshopStore store, EventBus bus, JsonMapper json) {
        this.practice = practice;
        this.store = store;
        this.bus = bus;
        this.json = json;
    }

    /** After the practice servers (phase 0). */
    @Override
    public int getPhase() {
        return 10;
    }

    @Override
    public void start() {
        if (practice.endpoints().isEmpty()) {
            return; // no practice servers on this instance: another one makes the mailboxes
        }
        subscription = bus.subscribe(WorkshopEvents.PRACTICE, this::heard);
        Instant now = Instant.now();
        int restored = 0;
        for (Workshop workshop : store.all()) {
            if (workshop.running(now)) {
                for (Attendee attendee : store.attendees(workshop.code())) {
                    practice.addMailbox(attendee.mailboxUser(), attendee.mailboxPassword());
                    restored++;
                }
            }
        }
        if (restored > 0) {
            log.info("Made the practice mailboxes of {} workshop attendees again", restored);
        }
    }

    private void heard(String payload) {
        JsonNode message = json.readTree(payload);
        String login = message.path("login").asString();
        switch (message.path("type").asString()) {
            case "add" -> practice.addMailbox(login, message.path("password").asString());
            case "remove" -> practice.removeMailbox(login);
            default -> log.debug("Unknown practice account message {}", message.path("type"));
        }
    }

    @Override
    public void stop() {
        EventBus.Subscription current = subscription;
        subscription = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}

package dev.parley.workshop;

/**
 * The bus channels and messages of workshops (what crosses instances, docs/architecture.md):
 * <ul>
 * <li>{@code workshop:CODE} — {@code {"type":"broadcast","text","at"}}, {@code {"type":"suggest","line","protocol"}},
 *     {@code {"type":"removed","attendee"}}, {@code {"type":"ended"}}: every instance forwards them to the
 *     attendee WebSockets it holds;</li>
 * <li>{@code attendee:ID} — the attendee's events as a second viewer may see them (secrets masked), for followers;</li>
 * <li>{@code practice} — {@code {"type":"add","login","password"}}, {@code {"type":"remove","login"}}: the
 *     instance that runs the practice mail servers makes or removes the mailbox.</li>
 * </ul>
 */
final class WorkshopEvents {

    static final String PRACTICE = "practice";
    /** An attendee's identity ended (removed, or their workshop ended): every instance forgets what it cached. */
    static final String IDENTITIES = "identities";

    private WorkshopEvents() {
    }

    static String workshop(String code) {
        return "workshop:" + code;
    }

    static String attendee(String id) {
        return "attendee:" + id;
    }

    record Broadcast(String type, String text, String at) {
    }

    record Suggest(String type, String line, String protocol) {
    }

    record Removed(String type, String attendee) {
    }

    record Ended(String type) {
    }

    record PracticeAccount(String type, String login, String password) {
    }
}

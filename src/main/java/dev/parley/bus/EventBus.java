package dev.parley.bus;

/**
 * What one Parley instance tells the others (and itself): roster changes, an attendee's live
 * events for a follower, broadcasts and suggestions, removals, practice accounts. One interface,
 * two implementations: in the process ({@link LocalEventBus}, one instance, H2), and through
 * PostgreSQL {@code LISTEN/NOTIFY} when several instances share a database. Each instance
 * forwards what it hears only to the WebSockets it holds.
 *
 * <p>Delivery is at most once and in order per publisher; a listener must return quickly (hand
 * work off, never block): it may run on the publisher's own thread.
 */
public interface EventBus {

    /** Sends {@code payload} (a JSON text) to every listener of {@code channel}, on every instance. */
    void publish(String channel, String payload);

    /** Listens to {@code channel} on this instance until the subscription is closed. */
    Subscription subscribe(String channel, Listener listener);

    @FunctionalInterface
    interface Listener {
        void heard(String payload);
    }

    /** A listener's registration; closing it is idempotent. */
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }
}

package dev.parley.bus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of a single Parley instance: listeners are called on the publisher's thread, at once.
 * A failing listener is logged and never stops the others.
 */
public final class LocalEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(LocalEventBus.class);

    private final Map<String, List<Listener>> channels = new ConcurrentHashMap<>();

    @Override
    public void publish(String channel, String payload) {
        deliver(channel, payload);
    }

    /** Hands a payload to this instance's listeners of {@code channel} (also what a shared bus does with what it hears). */
    public void deliver(String channel, String payload) {
        List<Listener> listeners = channels.get(channel);
        if (listeners == null) {
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.heard(payload);
            } catch (RuntimeException e) {
                log.warn("A listener of {} failed", channel, e);
            }
        }
    }

    @Override
    public Subscription subscribe(String channel, Listener listener) {
        channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        return new Subscription() {
            private volatile boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    channels.computeIfPresent(channel, (c, list) -> {
                        list.remove(listener);
                        return list.isEmpty() ? null : list;
                    });
                }
            }
        };
    }

    /** Channels with a listener on this instance (what a shared bus must hear). */
    public java.util.Set<String> channels() {
        return channels.keySet();
    }
}

package dev.parley.session;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All listeners as one; a failing listener is logged and never breaks the session it observes. */
final class ConversationListeners implements ConversationListener {

    private static final Logger log = LoggerFactory.getLogger(ConversationListeners.class);

    private final List<ConversationListener> listeners;

    ConversationListeners(List<ConversationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void opened(ConversationInfo info) {
        each(l -> l.opened(info));
    }

    @Override
    public void event(String conversationId, SessionEvent event) {
        each(l -> l.event(conversationId, event));
    }

    @Override
    public void ended(String conversationId) {
        each(l -> l.ended(conversationId));
    }

    private void each(java.util.function.Consumer<ConversationListener> call) {
        for (ConversationListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Conversation listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }
}

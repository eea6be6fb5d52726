package dev.parley.session;

import dev.parley.security.Caps;
import dev.parley.security.TargetPolicy;

/** What every live session shares: its limits, the one target policy and caps, TLS trust, listeners and clock. */
record SessionEngine(SessionLimits limits, TargetPolicy policy, Caps caps, TlsClient tlsClient,
        ConversationListener listener, SessionClock clock) {
}

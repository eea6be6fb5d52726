package dev.parley.session;

import java.util.Optional;

/**
 * What a target host may look like at all, checked at every front door before anything else:
 * a DNS name of at most 253 octets (RFC 1035 §2.3.4) or an IP literal, with no spaces or control
 * characters. What the name resolves to is the target policy's business, later.
 */
public final class HostNames {

    public static final int MAX_LENGTH = 253;

    private HostNames() {
    }

    /** Why {@code host} cannot be a target, in a sentence for the learner; empty when it may be one. */
    public static Optional<String> problem(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("Say which host to connect to, such as localhost.");
        }
        String h = host.strip();
        if (h.length() > MAX_LENGTH) {
            return Optional.of("That host name is " + h.length() + " characters long; a DNS name has at most "
                    + MAX_LENGTH + ".");
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of("A host name cannot contain spaces or control characters.");
            }
        }
        return Optional.empty();
    }
}

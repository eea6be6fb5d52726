package dev.parley.web;

import dev.parley.security.Identity;
import dev.parley.session.SessionOwner;
import jakarta.servlet.http.HttpServletRequest;

/** The owner (for transcripts) and client (for caps) of a request, from the identity the filters gave it. */
final class Owners {

    private Owners() {
    }

    static SessionOwner of(HttpServletRequest request) {
        return of(Identity.of(request), request.getRemoteAddr());
    }

    static SessionOwner of(Identity identity, String remoteAddress) {
        return new SessionOwner(identity.id(), identity.client(remoteAddress));
    }
}

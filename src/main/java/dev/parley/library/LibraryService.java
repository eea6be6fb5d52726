package dev.parley.library;

import dev.parley.protocol.Protocol;
import dev.parley.security.Caps;
import dev.parley.security.RateLimitedException;
import dev.parley.security.TargetDeniedException;
import dev.parley.security.TargetRule;
import dev.parley.session.SessionOwner;
import dev.parley.security.TargetPolicy;
import dev.parley.session.SessionLimits;
import dev.parley.session.TlsClient;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs one library call: checks the request and the target (through the same
 * {@link TargetPolicy} as live sessions), runs the call in its own Jakarta Mail session or HTTP
 * client connected to the checked address, turns the library's debug output into a masked
 * trace, and stores it as a transcript through {@link LibraryRuns}. Calls share nothing, so two
 * at once (two browser tabs) keep their traces apart.
 */
@Service
public class LibraryService {

    private static final Logger log = LoggerFactory.getLogger(LibraryService.class);

    private final TargetPolicy policy;
    private final TlsClient tlsClient;
    private final SessionLimits limits;
    private final ObjectProvider<LibraryRuns> runs;
    private final Caps caps;

    public LibraryService(TargetPolicy policy, Caps caps, TlsClient tlsClient, SessionLimits limits,
            ObjectProvider<LibraryRuns> runs) {
        this.policy = policy;
        this.caps = caps;
        this.tlsClient = tlsClient;
        this.limits = limits;
        this.runs = runs;
    }

    /**
     * Runs {@code request}.
     *
     * @throws LibraryCallException with a sentence for the learner and, once the call started,
     *                              its code and the partial trace
     */
    public LibraryResponse run(LibraryRequest request, SessionOwner owner) throws LibraryCallException {
        Instant startedAt = Instant.now();
        try {
            caps.libraryCall(owner.client());
        } catch (RateLimitedException e) {
            throw new LibraryCallException(LibraryCallException.Kind.LIMIT, e.getMessage());
        }
        LibraryCalls.Call spec = LibraryCalls.find(request.call()).orElseThrow(() -> bad("Unknown call “"
                + request.call() + "”. GET /api/library/calls lists them, such as imap.search or pop3.retr."));
        MailCall call = prepare(request, spec, owner);
        Snippets.Code code = code(spec.name(), call);
        Redaction redaction = new Redaction(call.protocol(), call.username(), call.password());
        Object result = null;
        List<MailTrace.Line> raw = List.of();
        LibraryCallException failure = null;
        try {
            // Exhaustive: a new protocol does not compile until library mode says what it does with it.
            result = switch (call.protocol()) {
                case IMAP -> ImapCalls.run(spec.name(), call);
                case POP3 -> Pop3Calls.run(spec.name(), call);
                case SMTP -> SmtpCalls.run(call);
                case HTTP -> {
                    HttpCalls.Outcome outcome = HttpCalls.run(call, tlsClient.sslContext(call.host()));
                    raw = outcome.trace();
                    yield outcome.result();
                }
                case RAW -> throw bad("Library mode has no calls for raw connections.");
            };
        } catch (LibraryCallException e) {
            failure = e;
        } catch (HttpCalls.PartialTrace e) {
            raw = e.trace();
            failure = Failures.explain(e.getCause(), call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new LibraryCallException(LibraryCallException.Kind.TIMEOUT, "The call was interrupted.");
        } catch (Exception e) {
            log.debug("Library call {} failed", spec.name(), e);
            failure = Failures.explain(e, call);
        }
        raw = switch (call.protocol()) {
            case IMAP, POP3, SMTP -> MailTrace.parse(call.protocol(), call.debug().bytes());
            case HTTP, RAW -> raw;
        };
        List<MailTrace.Line> masked = redaction.mask(raw);
        List<String> trace = masked.stream().map(MailTrace.Line::render).toList();
        List<ByHand.Step> byHand = ByHand.of(call.protocol(), masked, call.username());
        String error = failure == null ? null : redaction.sentence(failure.getMessage());
        String transcriptId = record(new LibraryRuns.LibraryRun(spec.name(), call.protocol(), call.host(), call.port(),
                call.tls(), call.username(), startedAt, trace, error, owner.id()));
        if (failure != null) {
            throw new LibraryCallException(failure.kind(), error, new LibraryCallException.LibraryFailure(spec.name(),
                    code.java(), code.python(), trace, byHand, transcriptId));
        }
        return new LibraryResponse(spec.name(), code.java(), code.python(), trace, byHand, result,
                traceNote(call), transcriptId);
    }

    /** Aligns a hand-typed conversation with a library trace and explains the differences. */
    public TraceDiff.Result diff(List<String> library, List<String> byHand) {
        return TraceDiff.compare(library, byHand);
    }

    private MailCall prepare(LibraryRequest request, LibraryCalls.Call spec, SessionOwner owner)
            throws LibraryCallException {
        LibraryRequest.Target target = request.target();
        if (target == null || target.host() == null || target.host().isBlank()) {
            throw bad("Say which server to talk to: a target with protocol, host, port and tls.");
        }
        Protocol protocol = Protocol.fromId(target.protocol() == null ? spec.protocol() : target.protocol())
                .orElseThrow(() -> bad("Unknown protocol “" + target.protocol() + "”: choose smtp, pop3, imap or http."));
        if (!protocol.id().equals(spec.protocol())) {
            throw bad(spec.name() + " is a " + spec.protocol().toUpperCase(Locale.ROOT) + " call, but the target speaks "
                    + protocol.id().toUpperCase(Locale.ROOT) + ".");
        }
        String tlsMode = target.tls() == null ? "none" : target.tls().toLowerCase(Locale.ROOT);
        if (!tlsMode.equals("none") && !tlsMode.equals("implicit")) {
            throw bad("“tls” must be none or implicit; library mode does not upgrade with STARTTLS.");
        }
        boolean tls = tlsMode.equals("implicit");
        int port = target.port() == null ? (tls ? protocol.defaultTlsPort() : protocol.defaultPort()) : target.port();
        boolean needsLogin = protocol == Protocol.IMAP || protocol == Protocol.POP3;
        if (needsLogin && (request.username() == null || request.username().isBlank())) {
            throw bad(spec.name() + " logs in first: give a username and password (demo / demo on the practice server).");
        }
        Args args = Args.of(spec, request.args());
        String host = target.host().trim();
        InetSocketAddress address;
        try {
            caps.connectAttempt(owner.client());
            address = policy.check(host, port);
        } catch (RateLimitedException e) {
            throw new LibraryCallException(LibraryCallException.Kind.LIMIT, e.getMessage());
        } catch (TargetDeniedException e) {
            boolean typo = e.rule() == TargetRule.BAD_HOST || e.rule() == TargetRule.BAD_PORT;
            throw new LibraryCallException(typo ? LibraryCallException.Kind.BAD_REQUEST
                    : LibraryCallException.Kind.TARGET_DENIED, e.getMessage());
        } catch (UnknownHostException e) {
            throw new LibraryCallException(LibraryCallException.Kind.CONNECT_FAILED,
                    "The host name “" + host + "” could not be found. Check its spelling.");
        }
        return new MailCall(protocol, host, address, tls, request.username() == null ? "" : request.username().trim(),
                request.password() == null ? "" : request.password(), args, limits.connectTimeout(),
                limits.answerTimeout(), tls ? tlsClient.socketFactory(host, limits.connectTimeout()) : null,
                new MailCall.Debug());
    }

    private static Snippets.Code code(String name, MailCall call) throws LibraryCallException {
        return switch (call.protocol()) {
            case IMAP -> ImapCalls.code(name, call);
            case POP3 -> Pop3Calls.code(name, call);
            case SMTP -> SmtpCalls.code(call);
            case HTTP -> HttpCalls.code(call);
            case RAW -> throw bad("Library mode has no calls for raw connections.");
        };
    }

    private static String traceNote(MailCall call) {
        if (call.protocol() == Protocol.HTTP) {
            return "java.net.http keeps no wire log: this trace is rebuilt from the request and the response "
                    + "(header order as the client reports it, the reason phrase the standard one).";
        }
        return "Jakarta Mail's own debug output (Session.setDebug), captured for this call only"
                + (call.debug().cut() ? "; cut after " + MailCall.MAX_DEBUG_OCTETS + " octets." : ".");
    }

    private String record(LibraryRuns.LibraryRun run) {
        try {
            Optional<String> id = runs.getIfAvailable(() -> LibraryRuns.NONE).recorded(run);
            return id.orElse(null);
        } catch (RuntimeException e) {
            log.warn("A library run could not be stored as a transcript: {}", e.toString());
            return null;
        }
    }

    private static LibraryCallException bad(String message) {
        return new LibraryCallException(LibraryCallException.Kind.BAD_REQUEST, message);
    }
}

package dev.parley.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one check every connection passes, from every front door (live session, replay, library
 * mode), before any socket opens (CONTRACTS.md §6). It reads the host the way {@link TargetHost}
 * does, resolves a name once, classifies <em>every</em> address ({@link AddressClassifier}) and
 * refuses the target if any one of them is refused, then returns the exact address to connect
 * to, so that a DNS answer cannot change between the check and the connect (DNS rebinding).
 *
 * <p>In every mode: link-local and cloud metadata addresses, the unspecified address and
 * {@code 0.0.0.0/8}, multicast and broadcast, IPv6 forms that tunnel to hidden IPv4 addresses
 * (Teredo, IPv4-compatible), addresses whose carried IPv4 address is any of those (NAT64, 6to4),
 * Parley's own web port on any address of this machine, and {@code parley.targets.denied-ports}.
 * A laptop ({@link ParleyMode#LAPTOP}) allows everything else: the learner owns the network. A
 * hosted server ({@link ParleyMode#HOSTED}) allows only the practice servers and
 * {@code parley.targets.allow} entries; a loopback, private or special-purpose address needs a
 * CIDR entry that holds it.
 */
public class TargetPolicy {

    /** Answers a host name with its addresses. Tests answer names themselves (e.g. one public answer, then loopback). */
    @FunctionalInterface
    public interface Resolver {

        /** The system resolver, as Java's sockets would use it. */
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String name) throws UnknownHostException;
    }

    private static final String HOSTED_RULE = "in hosted mode Parley reaches only its practice servers and the"
            + " targets its operator allows (parley.targets.allow).";

    private final ParleyMode mode;
    private final TargetProperties properties;
    private final List<AllowEntry> allow;
    private final Resolver resolver;
    private final Supplier<Set<Integer>> ownPorts;
    private final Supplier<PracticeTargets> practice;

    /**
     * The full policy.
     *
     * @param ownPorts asked at every check: the ports Parley's own web servers are bound to
     *                 ({@code server.port} may be 0 until the server starts)
     * @param practice asked at every check: where the practice servers listen
     */
    public TargetPolicy(ParleyMode mode, TargetProperties properties, Resolver resolver,
            Supplier<Set<Integer>> ownPorts, Supplier<PracticeTargets> practice) {
        this.mode = mode;
        this.properties = properties;
        this.allow = AllowEntry.parseAll(properties.allow());
        this.resolver = resolver;
        this.ownPorts = ownPorts;
        this.practice = practice;
    }

    /** A laptop policy with the system resolver, no web port of its own and no practice servers (unit tests). */
    public TargetPolicy(TargetProperties properties) {
        this(ParleyMode.LAPTOP, properties, Resolver.SYSTEM, Set::of, () -> PracticeTargets.NONE);
    }

    public ParleyMode mode() {
        return mode;
    }

    /**
     * Resolves {@code host} and checks every address it has.
     *
     * @return the checked address; connect to exactly this one
     * @throws UnknownHostException   the name does not resolve
     * @throws TargetDeniedException  the policy refuses the target, or the host or port is not one
     *                                at all ({@link TargetRule#BAD_HOST}, {@link TargetRule#BAD_PORT});
     *                                the message says why in a sentence for the learner
     */
    public InetSocketAddress check(String host, int port) throws UnknownHostException, TargetDeniedException {
        if (port < 1 || port > 65535) {
            throw new TargetDeniedException(TargetRule.BAD_PORT,
                    "Port " + port + " is not a TCP port: use a number from 1 to 65535.");
        }
        TargetHost target = TargetHost.parse(host);
        List<AddressFacts> addresses = switch (target) {
            case TargetHost.Literal literal -> List.of(AddressClassifier.classify(literal.address()));
            case TargetHost.Name name -> resolve(name);
        };
        Set<Integer> own = ownPorts.get();
        PracticeTargets practiceNow = practice.get();
        // Rules of every mode first, over every address, so the gravest reason is the one reported.
        for (AddressFacts address : addresses) {
            judgeAlways(target, address, port, own);
        }
        for (AddressFacts address : addresses) {
            switch (mode) {
                case LAPTOP -> { }
                case HOSTED -> judgeHosted(target, address, port, practiceNow);
            }
        }
        if (target instanceof TargetHost.Literal literal && literal.zone() != null) {
            throw new TargetDeniedException(TargetRule.BAD_HOST, "“" + literal.typed() + "” names a network interface"
                    + " (the zone id %" + HostParser.shown(literal.zone()) + "); Parley connects by address alone,"
                    + " so leave the zone id out.");
        }
        return new InetSocketAddress(addresses.getFirst().connectTo(), port);
    }

    /** Whether a session may accept any certificate when it asks to ({@code parley.targets.allow-insecure-tls}). */
    public boolean allowsInsecureTls() {
        return properties.allowInsecureTls(mode);
    }

    private List<AddressFacts> resolve(TargetHost.Name name) throws UnknownHostException {
        InetAddress[] answers = resolver.resolve(name.ascii());
        if (answers == null || answers.length == 0) {
            throw new UnknownHostException(name.ascii());
        }
        List<AddressFacts> facts = new ArrayList<>();
        for (InetAddress answer : answers) {
            facts.add(AddressClassifier.classify(answer));
        }
        return facts;
    }

    private void judgeAlways(TargetHost target, AddressFacts address, int port, Set<Integer> own)
            throws TargetDeniedException {
        // The carried IPv4 address first: it is where a NAT64 gateway or 6to4 relay would deliver.
        for (AddressFacts.Carried carried : address.carried()) {
            if (carried.range() != null && carried.range().kind().alwaysDenied() != null) {
                TargetRule rule = carried.range().kind().alwaysDenied();
                throw new TargetDeniedException(rule, Messages.carrying(target, address, carried) + "; " + Messages.never(rule));
            }
        }
        if (address.range() != null && address.range().kind().alwaysDenied() != null) {
            TargetRule rule = address.range().kind().alwaysDenied();
            throw new TargetDeniedException(rule, Messages.is(target, address) + address.range().description() + "; "
                    + Messages.never(rule));
        }
        switch (address.embedding()) {
            case TEREDO, IPV4_COMPATIBLE -> throw new TargetDeniedException(TargetRule.TUNNEL, Messages.tunnel(target, address));
            case NONE, NAT64, SIX_TO_FOUR -> { }
        }
        if (own.contains(port) && LocalAddresses.isThisMachine(address.connectTo())) {
            throw new TargetDeniedException(TargetRule.OWN_PORT, "Port " + port + " on " + Messages.subject(target, address)
                    + " is Parley's own web server; Parley never connects to itself, so it cannot become a proxy"
                    + " into its own pages and API.");
        }
        if (properties.deniedPorts().contains(port)) {
            throw new TargetDeniedException(TargetRule.DENIED_PORT,
                    "Connections to port " + port + " are not allowed here (parley.targets.denied-ports).");
        }
    }

    private void judgeHosted(TargetHost target, AddressFacts address, int port, PracticeTargets practiceNow)
            throws TargetDeniedException {
        String name = target instanceof TargetHost.Name n ? n.ascii() : null;
        if (practiceNow.serves(name, address, port)) {
            return;
        }
        if (allow.stream().anyMatch(entry -> entry.allowsPort(port) && entry.holds(address.address()))) {
            return;
        }
        boolean named = name != null && allow.stream().anyMatch(entry -> entry.allowsPort(port) && entry.names(name));
        if (named && address.globalUnicast()) {
            return;
        }
        SpecialRange range = address.range();
        String description;
        if (range != null) {
            description = Messages.is(target, address) + range.description();
        } else {
            AddressFacts.Carried carried = address.carried().stream().filter(c -> c.range() != null).findFirst().orElse(null);
            description = carried == null ? null : Messages.carrying(target, address, carried);
        }
        if (description == null) {
            throw new TargetDeniedException(TargetRule.NOT_ALLOWED, "Port " + port + " on "
                    + Messages.subject(target, address) + " is not one of this server's targets; " + HOSTED_RULE);
        }
        if (named) {
            String block = address.address().toPrefixBlock(address.address().getBitCount()).toCanonicalString();
            throw new TargetDeniedException(TargetRule.NOT_GLOBAL, description + "; the operator allowed “" + name
                    + "” by name, but a name does not open loopback, private or special-purpose addresses: its range"
                    + " must be in parley.targets.allow too (e.g. " + (address.address().isIPv6() ? "[" + block + "]" : block)
                    + ":" + port + ").");
        }
        throw new TargetDeniedException(TargetRule.NOT_GLOBAL, description + "; " + HOSTED_RULE);
    }
}

package dev.parley.security;

/** The sentences the target policy refuses with: what the address is, then the rule that refuses it. */
final class Messages {

    private Messages() {
    }

    /** "10.0.0.5", "127.1 (127.0.0.1)" for a literal; "“mail.example” (10.0.0.5)" for a name. */
    static String subject(TargetHost target, AddressFacts address) {
        String canonical = address.address().toCanonicalString();
        return switch (target) {
            case TargetHost.Literal literal -> unbracketed(literal.typed()).equalsIgnoreCase(canonical)
                    ? canonical : literal.typed() + " (" + canonical + ")";
            case TargetHost.Name name -> "“" + name.typed() + "” (" + canonical + ")";
        };
    }

    /** The start of "X is …": "10.0.0.5 is " or "“mail.example” resolves to 10.0.0.5, which is ". */
    static String is(TargetHost target, AddressFacts address) {
        return switch (target) {
            case TargetHost.Literal literal -> subject(target, address) + " is ";
            case TargetHost.Name name -> "“" + name.typed() + "” resolves to " + address.address().toCanonicalString()
                    + ", which is ";
        };
    }

    /** "64:ff9b::a9fe:a9fe is NAT64 (RFC 6052) for 169.254.169.254, a link-local address (…)". */
    static String carrying(TargetHost target, AddressFacts address, AddressFacts.Carried carried) {
        return is(target, address) + address.embedding().label() + " for " + carried.address().toCanonicalString()
                + ", " + carried.range().description();
    }

    /** Why a tunnelling IPv6 form is refused, naming the IPv4 addresses it hides. */
    static String tunnel(TargetHost target, AddressFacts address) {
        String hidden = String.join(" and ", address.carried().stream()
                .map(c -> c.address().toCanonicalString()).toList());
        return is(target, address) + address.embedding().label() + ", which tunnels to " + hidden
                + "; Parley does not connect through IPv6 forms that hide IPv4 addresses: connect to the IPv4 address"
                + " itself.";
    }

    /** The closing sentence of a rule that holds in every mode. */
    static String never(TargetRule rule) {
        return switch (rule) {
            case LINK_LOCAL -> "Parley never connects to link-local addresses.";
            case CLOUD_METADATA -> "Parley never connects to cloud metadata services.";
            case UNSPECIFIED -> "Parley never connects to unspecified or “this network” addresses.";
            case MULTICAST_OR_BROADCAST -> "TCP has no peer there, and Parley never tries multicast or broadcast"
                    + " addresses.";
            case BAD_HOST, BAD_PORT, DENIED_PORT, OWN_PORT, TUNNEL, NOT_GLOBAL, NOT_ALLOWED ->
                    throw new IllegalArgumentException(rule + " is not a rule of every mode");
        };
    }

    private static String unbracketed(String typed) {
        return typed.startsWith("[") && typed.endsWith("]") ? typed.substring(1, typed.length() - 1) : typed;
    }
}

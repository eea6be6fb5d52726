package dev.parley.protocol.pop3;

/**
 * A command waiting for its answer (or the greeting), in the dialect's FIFO: with PIPELINING
 * (RFC 2449 §6.6) several commands may be written before their answers arrive.
 *
 * @param verb      the upper-cased verb, or {@code GREETING}, or {@code AUTH-RESPONSE} for a SASL response line
 * @param multiLine true when a {@code +OK} answer goes on until a lone {@code .} (RFC 1939 §3)
 * @param role      what the answer switches, beyond completing the command
 */
record Pop3Pending(String verb, boolean multiLine, Role role) {

    enum Role {
        GREETING,
        COMMAND,
        /** STLS: typed lines wait for the answer; {@code +OK} starts TLS (RFC 2595 §4). */
        STLS,
        /** AUTH with a mechanism, or a response line: {@code +} continuations may follow (RFC 5034 §4). */
        SASL
    }

    static final Pop3Pending GREETING = new Pop3Pending("GREETING", false, Role.GREETING);
    static final Pop3Pending AUTH_RESPONSE = new Pop3Pending("AUTH-RESPONSE", false, Role.SASL);

    /** True when lines typed after this command must wait for its answer. */
    boolean holdsInput() {
        return role == Role.STLS || role == Role.SASL;
    }
}

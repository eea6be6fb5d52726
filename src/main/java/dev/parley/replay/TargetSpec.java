package dev.parley.replay;

/**
 * A target as a caller gives it, any part left out (null): it falls back to the suite's common
 * target, then to the transcript's own {@code # protocol:} and {@code # target:} lines.
 *
 * @param tls {@code none} (default) or {@code implicit}; STARTTLS is a line of the transcript
 */
public record TargetSpec(String protocol, String host, Integer port, String tls) {

    public static final TargetSpec NONE = new TargetSpec(null, null, null, null);

    /** This spec's parts, each falling back to {@code other}'s. */
    TargetSpec over(TargetSpec other) {
        TargetSpec o = other == null ? NONE : other;
        return new TargetSpec(protocol != null ? protocol : o.protocol, host != null ? host : o.host,
                port != null ? port : o.port, tls != null ? tls : o.tls);
    }
}

package dev.parley.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Replay's own limits ({@code parley.replay.*}), on top of the session limits every replay's
 * connection already has ({@code parley.limits.*}).
 *
 * @param parallel       how many transcripts of one suite run at once
 * @param maxTranscripts the most transcripts one suite may hold
 * @param maxQueued      events read from the server and not yet taken by the replay, in bytes;
 *                       the reader waits for room up to {@code queueStall}, then the replay stops
 * @param queueStall     how long the server's reader may wait for room in that queue
 * @param maxRecorded    the most text one replay keeps (what happened, the answers in its report),
 *                       counted in characters (about one octet of traffic each); past it the
 *                       replay stops, failing the step it was on
 */
@ConfigurationProperties("parley.replay")
public record ReplayLimits(
        @DefaultValue("4") int parallel,
        @DefaultValue("100") int maxTranscripts,
        @DefaultValue("1MB") DataSize maxQueued,
        @DefaultValue("5s") Duration queueStall,
        @DefaultValue("4MB") DataSize maxRecorded) {

    public static final ReplayLimits DEFAULTS = new ReplayLimits(4, 100, DataSize.ofMegabytes(1), Duration.ofSeconds(5),
            DataSize.ofMegabytes(4));
}

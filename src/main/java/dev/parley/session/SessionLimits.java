package dev.parley.session;

import dev.parley.protocol.FramingLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-session limits ({@code parley.limits.*}). A server is hostile until proven otherwise and a
 * learner may leave a tab open for days: every resource a session holds is bounded here, and in
 * octets where memory is at stake — what a session holds grows with the traffic in flight, never
 * with the largest message allowed.
 *
 * @param maxLineLength       longest line accepted from a server, and longest line a learner may type
 * @param maxPayload          longest {@code payload} (a whole mail message, an HTTP body) a learner may send at once
 * @param maxShownPerAnswer   octets of one answer shown to the learner; the rest is counted, not shown
 * @param maxAnswerSize       most octets one answer may have at all
 * @param connectTimeout      how long a TCP connect may take
 * @param tlsHandshakeTimeout how long a TLS handshake may take
 * @param answerTimeout       after this long without an answer to a command, the learner is told so
 * @param idleTimeout         a session with no traffic either way for this long is closed
 * @param maxSessionDuration  a session is closed after this long, whatever happens
 * @param rawQuietTime        for {@code raw}: silence that completes an answer
 * @param maxHeldLines        lines the learner may type ahead while the server's go-ahead is awaited
 * @param maxHeld             octets those typed-ahead lines may hold together
 * @param maxUnwritten        octets sent by the learner that the server has not yet taken; past it, sending is refused
 * @param writeTimeout        a server that takes none of what Parley is sending it for this long is disconnected
 * @param browserBuffer       events waiting for a browser that reads slowly; past it the target is no longer read
 * @param browserStallTimeout a browser that takes none of the waiting events for this long is disconnected
 * @param maxTranscriptLines  lines one conversation's transcript keeps; past it recording stops with a notice
 * @param maxTranscriptSize   octets one conversation's transcript keeps
 */
@ConfigurationProperties("parley.limits")
public record SessionLimits(
        @DefaultValue("32KB") DataSize maxLineLength,
        @DefaultValue("1MB") DataSize maxPayload,
        @DefaultValue("256KB") DataSize maxShownPerAnswer,
        @DefaultValue("64MB") DataSize maxAnswerSize,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration tlsHandshakeTimeout,
        @DefaultValue("30s") Duration answerTimeout,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("4h") Duration maxSessionDuration,
        @DefaultValue("700ms") Duration rawQuietTime,
        @DefaultValue("100") int maxHeldLines,
        @DefaultValue("256KB") DataSize maxHeld,
        @DefaultValue("1MB") DataSize maxUnwritten,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue("256KB") DataSize browserBuffer,
        @DefaultValue("30s") Duration browserStallTimeout,
        @DefaultValue("20000") int maxTranscriptLines,
        @DefaultValue("4MB") DataSize maxTranscriptSize) {

    public FramingLimits framing() {
        return new FramingLimits((int) maxLineLength.toBytes(), (int) maxShownPerAnswer.toBytes(),
                maxAnswerSize.toBytes());
    }
}

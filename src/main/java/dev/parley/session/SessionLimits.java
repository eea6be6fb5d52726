package dev.parley.session;

import dev.parley.protocol.FramingLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-session limits ({@code parley.limits.*}). A server is hostile until proven otherwise and a
 * learner may leave a tab open for days: every resource a session holds is bounded here.
 *
 * @param maxLineLength      longest line accepted from a server
 * @param maxShownPerAnswer  octets of one answer shown to the learner; the rest is counted, not shown
 * @param maxAnswerSize      most octets one answer may have at all
 * @param connectTimeout     how long a TCP connect may take
 * @param tlsHandshakeTimeout how long a TLS handshake may take
 * @param answerTimeout      after this long without an answer to a command, the learner is told so
 * @param idleTimeout        a session with no traffic either way for this long is closed
 * @param maxSessionDuration a session is closed after this long, whatever happens
 * @param rawQuietTime       for {@code raw}: silence that completes an answer
 * @param maxHeldLines       lines the learner may type ahead while the server's go-ahead is awaited
 * @param browserQueue       events buffered for a browser that reads slowly; when full, the target is no longer read
 * @param browserStallTimeout a browser that takes none of the buffered events for this long is disconnected
 */
@ConfigurationProperties("parley.limits")
public record SessionLimits(
        @DefaultValue("32KB") DataSize maxLineLength,
        @DefaultValue("256KB") DataSize maxShownPerAnswer,
        @DefaultValue("64MB") DataSize maxAnswerSize,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration tlsHandshakeTimeout,
        @DefaultValue("30s") Duration answerTimeout,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("4h") Duration maxSessionDuration,
        @DefaultValue("700ms") Duration rawQuietTime,
        @DefaultValue("100") int maxHeldLines,
        @DefaultValue("1024") int browserQueue,
        @DefaultValue("30s") Duration browserStallTimeout) {

    public FramingLimits framing() {
        return new FramingLimits((int) maxLineLength.toBytes(), (int) maxShownPerAnswer.toBytes(),
                maxAnswerSize.toBytes());
    }
}

package dev.parley.transcript;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code parley.transcripts.*}: how long transcripts are kept and how much the recorder may hold
 * in memory while the database is slow or away. (How much one transcript may hold is a session
 * limit: {@code parley.limits.max-transcript-lines} and {@code -size}.)
 *
 * @param retention  transcripts that started longer ago than this are deleted; {@code 0} keeps them forever
 * @param purgeEvery how often the purge runs
 * @param maxPending characters of transcript lines waiting to be written; past it new lines are dropped
 *                   (and the transcript says how many) until the database catches up
 */
@ConfigurationProperties("parley.transcripts")
public record TranscriptProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeEvery,
        @DefaultValue("64MB") DataSize maxPending) {
}

package dev.parley.practice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded practice servers ({@code parley.practice.*}, CONTRACTS.md §4). A port of {@code 0}
 * takes any free port (tests); {@code bind} is loopback so a laptop never exposes them.
 *
 * @param host     the name the page offers for them (what the learner types)
 * @param external with {@code enabled=false}: they run, but on another instance of the cluster, at
 *                 {@code host} and the ports configured here (one set of practice servers for everyone)
 */
@ConfigurationProperties("parley.practice")
public record PracticeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String bind,
        @DefaultValue("localhost") String host,
        @DefaultValue("3025") int smtpPort,
        @DefaultValue("3465") int smtpsPort,
        @DefaultValue("3110") int pop3Port,
        @DefaultValue("3995") int pop3sPort,
        @DefaultValue("3143") int imapPort,
        @DefaultValue("3993") int imapsPort,
        @DefaultValue("3080") int httpPort,
        @DefaultValue("false") boolean external) {
}

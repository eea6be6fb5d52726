package dev.parley.replay;

import dev.parley.security.TargetPolicyConfiguration;
import dev.parley.session.LiveSessions;
import dev.parley.session.TlsClient;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The command line's Spring context: the live engine ({@link LiveSessions}), the target policy,
 * TLS trust and replay itself, with every {@code parley.*} setting bound as in the web application
 * ({@code @ConfigurationPropertiesScan} of the whole application, so a new setting a policy bean
 * needs is there too). Deliberately not a {@code @Configuration}, so the web application's
 * component scan never picks it up, and no auto-configuration: nothing here opens a port, starts a
 * practice server or touches a database. Transcripts are not stored; the report carries what
 * happened.
 */
@ConfigurationPropertiesScan("dev.parley")
@Import({TargetPolicyConfiguration.class, TlsClient.class, LiveSessions.class, Replayer.class, ReplayService.class})
class ReplayCommandBeans {
}

package dev.parley;

import dev.parley.replay.ReplayCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Parley: talk to SMTP, POP3, IMAP and HTTP servers line by line from a browser. With
 * {@code replay} as its first argument it is the command line that checks transcripts against a
 * server instead ({@link ReplayCommand}), and starts no web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParleyApplication {

    static {
        allowHostHeader();
    }

    /**
     * Library mode's {@code http.get} connects to the address the target policy checked and sends
     * the {@code Host} the learner typed, as a browser would; {@code java.net.http} refuses to set
     * {@code Host} unless this property says so, and reads it once, when its first client is made.
     */
    static void allowHostHeader() {
        String key = "jdk.httpclient.allowRestrictedHeaders";
        String now = System.getProperty(key, "");
        if (!now.toLowerCase(java.util.Locale.ROOT).contains("host")) {
            System.setProperty(key, now.isBlank() ? "host" : now + ",host");
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(ReplayCommand.run(Arrays.asList(args).subList(1, args.length), System.getenv(), System.out,
                    System.err));
        }
        SpringApplication.run(ParleyApplication.class, args);
    }
}

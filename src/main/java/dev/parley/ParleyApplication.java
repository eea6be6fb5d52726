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

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(ReplayCommand.run(Arrays.asList(args).subList(1, args.length), System.getenv(), System.out,
                    System.err));
        }
        SpringApplication.run(ParleyApplication.class, args);
    }
}

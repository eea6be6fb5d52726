package dev.parley.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parley.site.*}: the names Parley answers to. {@code localhost}, {@code 127.0.0.1} and
 * {@code [::1]} always; a hosted server adds the names its attendees type
 * ({@code parley.site.hosts=parley.example.org}). A request for any other name gets 421: a page
 * on {@code evil.example} whose name was rebound to this machine's address cannot talk to Parley.
 */
@ConfigurationProperties("parley.site")
public record SiteProperties(@DefaultValue List<String> hosts) {

    public SiteProperties {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}

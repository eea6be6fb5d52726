package dev.parley.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A hosted Parley (a workshop server) for full-stack tests, listening on loopback only, with a
 * known instructor password. One configuration for all hosted tests, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = RealServersInitializer.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "parley.mode=hosted", "server.address=127.0.0.1",
    "parley.workshop.instructor-password=" + HostedParleyTest.PASSWORD,
    "parley.practice.smtp-port=0", "parley.practice.smtps-port=0",
    "parley.practice.pop3-port=0", "parley.practice.pop3s-port=0",
    "parley.practice.imap-port=0", "parley.practice.imaps-port=0",
    "parley.practice.http-port=0",
    "parley.limits.answer-timeout=2s",
    "parley.limits.max-line-length=4KB",
    "parley.targets.connect-rate.burst=1000", "parley.targets.connect-rate.per-minute=6000",
    "parley.limits.sends-per-second=1000"
})
public @interface HostedParleyTest {

    String PASSWORD = "correct horse battery staple";
}

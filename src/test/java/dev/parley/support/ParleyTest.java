package dev.parley.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one full-stack test configuration: the app on a random port with its practice servers on
 * free ports, so every test class shares one cached context and nothing clashes with a running
 * Parley on the default ports.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = RealServersInitializer.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "parley.practice.smtp-port=0", "parley.practice.smtps-port=0",
    "parley.practice.pop3-port=0", "parley.practice.pop3s-port=0",
    "parley.practice.imap-port=0", "parley.practice.imaps-port=0",
    "parley.practice.http-port=0",
    "parley.limits.answer-timeout=2s",
    "parley.limits.max-line-length=4KB"
})
public @interface ParleyTest {
}

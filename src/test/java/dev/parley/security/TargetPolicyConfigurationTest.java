package dev.parley.security;

import static dev.parley.security.Policies.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.practice.PracticeEndpoint;
import dev.parley.practice.PracticeServers;
import dev.parley.support.ParleyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

/**
 * The policy as the application wires it: Parley's own bound port (random in tests) and the
 * practice servers' bound ports come from the running application, the mode from {@code parley.mode}.
 */
@ParleyTest
class TargetPolicyConfigurationTest {

    @Autowired
    TargetPolicy policy;

    @Autowired
    PracticeServers practice;

    @LocalServerPort
    int port;

    @Test
    void theRunningAppRefusesItsOwnPortAndReachesThePracticeServers() {
        assertThat(policy.mode()).isEqualTo(ParleyMode.LAPTOP);
        assertThat(outcome(policy, "localhost", port)).isEqualTo("OWN_PORT");
        assertThat(outcome(policy, "127.0.0.1", port)).isEqualTo("OWN_PORT");
        PracticeEndpoint smtp = practice.endpoint("smtp", "none");
        assertThat(outcome(policy, smtp.host(), smtp.port())).isEqualTo("ALLOW");
        assertThat(policy.allowsInsecureTls()).isTrue();
    }

    @EnableConfigurationProperties({ModeProperties.class, TargetProperties.class})
    @Import(TargetPolicyConfiguration.class)
    static class PolicyOnly {
    }

    @Test
    void hostedModeIsWiredFromTheSwitch() {
        new ApplicationContextRunner().withUserConfiguration(PolicyOnly.class)
                .withPropertyValues("parley.mode=hosted", "parley.targets.allow=10.20.0.0/16:25")
                .run(context -> {
                    TargetPolicy hosted = context.getBean(TargetPolicy.class);
                    assertThat(hosted.mode()).isEqualTo(ParleyMode.HOSTED);
                    assertThat(hosted.allowsInsecureTls()).isFalse();
                    assertThat(outcome(hosted, "10.20.0.5", 25)).isEqualTo("ALLOW");
                    assertThat(outcome(hosted, "127.0.0.1", 3025)).as("no practice servers in this context")
                            .isEqualTo("NOT_GLOBAL");
                    assertThat(context.getBean(ClientRateLimiter.class).limited()).isTrue();
                });
    }

    @Test
    void ownPortsAreTheBoundOnesAndBootsDefault() {
        assertThat(TargetPolicyConfiguration.ownPorts(new MockEnvironment()
                .withProperty("server.port", "0").withProperty("local.server.port", "41234")))
                .containsExactly(41234);
        assertThat(TargetPolicyConfiguration.ownPorts(new MockEnvironment()
                .withProperty("server.port", "8080").withProperty("management.server.port", "8081")))
                .containsExactlyInAnyOrder(8080, 8081);
        assertThat(TargetPolicyConfiguration.ownPorts(new MockEnvironment())).containsExactly(8080);
    }
}

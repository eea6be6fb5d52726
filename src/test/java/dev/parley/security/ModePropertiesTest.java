package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** {@code parley.mode}: laptop unless told otherwise, and a typo stops startup instead of guessing. */
class ModePropertiesTest {

    @EnableConfigurationProperties(ModeProperties.class)
    static class OnlyMode {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(OnlyMode.class);

    @Test
    void laptopIsTheDefault() {
        runner.run(context -> {
            assertThat(context.getBean(ModeProperties.class).mode()).isEqualTo(ParleyMode.LAPTOP);
            assertThat(context.getBean(ModeProperties.class).hosted()).isFalse();
        });
        assertThat(ParleyMode.of(new MockEnvironment())).isEqualTo(ParleyMode.LAPTOP);
    }

    @Test
    void hostedIsReadInAnyCase() {
        runner.withPropertyValues("parley.mode=hosted").run(context ->
                assertThat(context.getBean(ModeProperties.class).mode()).isEqualTo(ParleyMode.HOSTED));
        runner.withPropertyValues("parley.mode=HOSTED").run(context ->
                assertThat(context.getBean(ModeProperties.class).hosted()).isTrue());
        assertThat(ParleyMode.of(new MockEnvironment().withProperty("parley.mode", "hosted"))).isEqualTo(ParleyMode.HOSTED);
    }

    @Test
    void anUnknownModeStopsStartup() {
        runner.withPropertyValues("parley.mode=public").run(context ->
                assertThat(context).hasFailed().getFailure().hasMessageContaining("parley"));
    }
}

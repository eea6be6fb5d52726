package dev.parley.bus;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process bus unless a shared one is configured. */
@Configuration(proxyBeanMethods = false)
class BusConfiguration {

    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    EventBus localEventBus() {
        return new LocalEventBus();
    }
}

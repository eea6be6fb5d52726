package dev.parley.bus;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which bus: {@code parley.bus=local} (one instance), {@code postgres} (instances sharing a
 * PostgreSQL database), or {@code auto} (the default): PostgreSQL's when the database is PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class BusConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BusConfiguration.class);

    @Bean
    EventBus eventBus(@Value("${parley.bus:auto}") String kind, DataSource dataSource, JsonMapper json) {
        boolean postgres = switch (kind) {
            case "postgres" -> true;
            case "local" -> false;
            case "auto" -> isPostgres(dataSource);
            default -> throw new IllegalArgumentException("parley.bus is local, postgres or auto, not “" + kind + "”");
        };
        log.info("Events between instances: {}", postgres ? "PostgreSQL LISTEN/NOTIFY" : "in this process only");
        return postgres ? new PostgresEventBus(dataSource, json) : new LocalEventBus();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}

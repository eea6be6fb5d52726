package dev.parley.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.support.RealServers;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances' buses on one real PostgreSQL (the one {@code scripts/real-servers.sh} starts):
 * what one publishes the other hears, in order, its own listeners too, and a payload over the
 * NOTIFY limit travels through the table. Skipped when PostgreSQL is not running, unless
 * {@code PARLEY_REQUIRE_REAL_SERVERS=true}.
 */
class PostgresEventBusTest {

    private PostgresEventBus first;
    private PostgresEventBus second;

    private static DataSource postgres() throws Exception {
        String url = RealServers.value("PARLEY_PG_URL").orElse(null);
        boolean required = "true".equalsIgnoreCase(System.getenv("PARLEY_REQUIRE_REAL_SERVERS"));
        if (url == null && required) {
            throw new AssertionError("PARLEY_REQUIRE_REAL_SERVERS is set, but PostgreSQL is not running");
        }
        assumeTrue(url != null, "PostgreSQL is not running here (scripts/real-servers.sh start): skipped.");
        DataSource ds = new DriverManagerDataSource(url, RealServers.value("PARLEY_PG_USER").orElse("parley"),
                RealServers.value("PARLEY_PG_PASSWORD").orElse("parley"));
        try (Connection c = ds.getConnection()) {
            assumeTrue(c.isValid(2), "PostgreSQL does not answer: skipped.");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    @BeforeEach
    void twoInstances() throws Exception {
        DataSource ds = postgres();
        JsonMapper json = JsonMapper.builder().build();
        first = new PostgresEventBus(ds, json);
        second = new PostgresEventBus(ds, json);
        first.start();
        second.start();
        Thread.sleep(500); // both LISTEN before anything is sent
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.stop();
            second.stop();
        }
    }

    @Test
    void whatOneInstancePublishesEveryInstanceHearsInOrder() {
        List<String> heardBySecond = new CopyOnWriteArrayList<>();
        List<String> heardByFirst = new CopyOnWriteArrayList<>();
        second.subscribe("workshop:TEST", heardBySecond::add);
        first.subscribe("workshop:TEST", heardByFirst::add);
        second.subscribe("workshop:OTHER", payload -> heardBySecond.add("wrong channel " + payload));
        for (int i = 0; i < 50; i++) {
            first.publish("workshop:TEST", "{\"n\":" + i + "}");
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> heardBySecond.size() == 50 && heardByFirst.size() == 50);
        assertThat(heardBySecond).first().isEqualTo("{\"n\":0}");
        assertThat(heardBySecond).last().isEqualTo("{\"n\":49}");
        assertThat(heardBySecond).isEqualTo(heardByFirst);
    }

    @Test
    void aPayloadOverTheNotifyLimitTravelsThroughTheTable() {
        List<String> heard = new CopyOnWriteArrayList<>();
        second.subscribe("attendee:a-1", heard::add);
        String large = "{\"text\":\"" + "é".repeat(20_000) + "\"}";
        first.publish("attendee:a-1", large);
        await().atMost(10, TimeUnit.SECONDS).until(() -> heard.size() == 1);
        assertThat(heard.getFirst()).isEqualTo(large);
        assertThat(first.traffic()).contains("via the table 1");
    }
}

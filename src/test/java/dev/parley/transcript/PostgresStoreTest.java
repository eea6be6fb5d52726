package dev.parley.transcript;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.support.RealServers;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store on a real PostgreSQL: the one {@code scripts/real-servers.sh} starts on loopback
 * ({@code PARLEY_PG_URL}, {@code PARLEY_PG_USER}, {@code PARLEY_PG_PASSWORD}). Skipped with a
 * reason when it is not running, unless {@code PARLEY_REQUIRE_REAL_SERVERS=true}.
 */
class PostgresStoreTest extends StoreContract {

    private DataSource postgres;

    @Override
    protected DataSource dataSource() {
        if (postgres == null) {
            String hint = "PostgreSQL is not running here, so this test is skipped: start it with "
                    + "`scripts/real-servers.sh install && scripts/real-servers.sh start`.";
            String url = RealServers.value("PARLEY_PG_URL").orElse(null);
            boolean required = "true".equalsIgnoreCase(System.getenv("PARLEY_REQUIRE_REAL_SERVERS"));
            if (url == null) {
                if (required) {
                    throw new AssertionError("PARLEY_REQUIRE_REAL_SERVERS is set, but " + hint);
                }
                assumeTrue(false, hint);
            }
            DataSource ds = new DriverManagerDataSource(url, RealServers.value("PARLEY_PG_USER").orElse("parley"),
                    RealServers.value("PARLEY_PG_PASSWORD").orElse("parley"));
            try (Connection c = ds.getConnection()) {
                c.isValid(2);
            } catch (SQLException e) {
                if (required) {
                    throw new AssertionError("PARLEY_REQUIRE_REAL_SERVERS is set, but " + hint + " (" + e + ")");
                }
                assumeTrue(false, hint + " (" + e.getMessage() + ")");
            }
            postgres = ds;
        }
        return postgres;
    }
}

package dev.parley.transcript;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The store on the embedded default, an H2 file (here under target/, never ./data/). */
class H2StoreTest extends StoreContract {

    private static final DataSource H2 = new DriverManagerDataSource(
            "jdbc:h2:file:./target/h2-store-test/parley;AUTO_SERVER=FALSE", "sa", "");

    @Override
    protected DataSource dataSource() {
        return H2;
    }
}

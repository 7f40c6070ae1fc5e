package org.isrcregistry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the registry under test answers: its HTTP API (with the AGENCY token the harness sends), its PostgreSQL and
 * its Kafka broker.
 */
record Target(String baseUrl, String token, String jdbcUrl, String jdbcUser, String jdbcPassword,
              String kafkaBootstrap) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
    }
}

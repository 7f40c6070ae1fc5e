package org.isrcregistry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the registry under test answers: its HTTP API, its PostgreSQL and its Kafka broker. */
record Target(String baseUrl, String jdbcUrl, String jdbcUser, String jdbcPassword, String kafkaBootstrap) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
    }
}

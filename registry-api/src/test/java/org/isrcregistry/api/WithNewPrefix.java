package org.isrcregistry.api;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A test against the shared registry that registers a prefix of its own before each test. */
public abstract class WithNewPrefix {

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    protected TestRegistry registry;
    /** Display form, e.g. {@code DE-W0K}. */
    protected String prefix;

    @BeforeEach
    void registerPrefix() {
        registry = new TestRegistry(http, jdbc);
        prefix = registry.newPrefix();
    }
}

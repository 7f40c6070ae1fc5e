package org.isrcregistry.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** After every integration test class: no message produced so far broke its schema. */
public class FeedSchemaCheck implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        assertThat(FeedSchemas.VIOLATIONS).as("messages that do not match their schema in docs/schemas").isEmpty();
    }
}

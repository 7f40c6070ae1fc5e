package org.isrcregistry.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.isrcregistry.api.feed.FeedSchemaCheck;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole registry on a random HTTP port, against a real embedded PostgreSQL and a real Kafka broker on free
 * ports, both throw-away. Test classes with this annotation share one application context. Requests through
 * {@code TestRestTemplate} carry the {@link AgencyToken} unless they name another. Every message the feed
 * produces is checked against its JSON Schema in docs/schemas, and each class fails if one did not match.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "registry.embedded.persistent=false",
                "registry.embedded.kafka.port=0",
                "spring.datasource.url=",
                "registry.kafka.bootstrap-servers=",
                "registry.kafka.producer[interceptor.classes]=org.isrcregistry.api.feed.SchemaCheckingInterceptor",
                AgencyToken.PROPERTY,
                // Every test is a client on 127.0.0.1, some flood it or send refused tokens on purpose (the fuzzer): a
                // used-up allowance would refuse the tests after them. ClientRateLimitTest checks the limits.
                "registry.api.rate-limit.anonymous.requests=1000000",
                "registry.api.rate-limit.failed-authentications.requests=1000000",
                // The tests allocate prefixes under the letters of several agencies; a registry has its own.
                "registry.agency.country-codes=CA,DE,FR,GB,JP,US,AU,NZ,IS,NL,SE,IT,ES,BR,MX,QM,QZ"
        })
@Import(AgencyToken.class)
@ExtendWith(FeedSchemaCheck.class)
public @interface RegistryIntegrationTest {
}

package org.isrcregistry.api.security;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.isrcregistry.api.embedded.EmbeddedProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The first AGENCY token, before anyone can issue one. Either configured ({@code registry.security.bootstrap-token}),
 * stored by its hash as the token named {@code bootstrap} on every start, by every node, idempotently; or, on the
 * embedded defaults with no usable AGENCY token at all, generated and written to {@code <data-dir>/agency-token},
 * readable by its owner only. Only the file's path is logged, never a secret.
 */
@Component
class BootstrapToken implements InitializingBean {

    static final String NAME = "bootstrap";
    static final String CREATOR = "configuration";
    static final String FILE = "agency-token";
    private static final Logger log = LoggerFactory.getLogger(BootstrapToken.class);

    private final ApiTokens tokens;
    private final RegistrySecurityProperties properties;
    private final EmbeddedProperties embedded;
    private final ObjectProvider<EmbeddedPostgres> embeddedPostgres;

    BootstrapToken(ApiTokens tokens, RegistrySecurityProperties properties, EmbeddedProperties embedded,
                   ObjectProvider<EmbeddedPostgres> embeddedPostgres) {
        this.tokens = tokens;
        this.properties = properties;
        this.embedded = embedded;
        this.embeddedPostgres = embeddedPostgres;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        String configured = properties.bootstrapToken() == null ? "" : properties.bootstrapToken().strip();
        if (!configured.isEmpty()) {
            if (configured.length() < 32 || !TokenAuthenticator.BEARER.matcher("Bearer " + configured).matches()) {
                throw new IllegalStateException("registry.security.bootstrap-token must be at least 32 characters of"
                        + " A-Z a-z 0-9 - . _ ~ + / (e.g. isrc_ and the output of: openssl rand -base64 32 | tr +/ -_)");
            }
            ApiToken token = tokens.insert(configured, NAME, Role.AGENCY, null, Set.of(), null, CREATOR);
            int revoked = tokens.revokeOthers(NAME, CREATOR, configured);
            log.info("Bootstrap AGENCY token {} from registry.security.bootstrap-token{}", token.id(),
                    revoked > 0 ? "; the previous one is revoked" : "");
        } else if (embeddedPostgres.getIfAvailable() != null && embedded.persistent() && !tokens.anyUsableAgencyToken()) {
            Path file = embedded.dataDir().resolve(FILE).toAbsolutePath();
            String secret = ApiTokens.newSecret();
            // Written before it is stored: a token nobody can read must never be the only AGENCY token.
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
            ApiToken token = tokens.insert(secret, "embedded agency", Role.AGENCY, null, Set.of(), null, "registry");
            log.info("No AGENCY token yet: issued {}; its secret is in {} (readable by its owner only)",
                    token.actor(), file);
        } else if (!tokens.anyUsableAgencyToken()) {
            log.warn("No usable AGENCY token: nobody can issue tokens; set registry.security.bootstrap-token"
                    + " (REGISTRY_SECURITY_BOOTSTRAP_TOKEN)");
        }
    }
}

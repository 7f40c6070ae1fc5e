package org.isrcregistry.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapToken an AGENCY token's secret (REGISTRY_SECURITY_BOOTSTRAP_TOKEN), stored as the token named
 *                       {@code bootstrap}; a new value revokes the previous one. Blank: none.
 */
@ConfigurationProperties("registry.security")
public record RegistrySecurityProperties(String bootstrapToken) {

    /** Never in logs or error messages. */
    @Override
    public String toString() {
        return "RegistrySecurityProperties[bootstrapToken=" + (bootstrapToken == null ? "none" : "(set)") + "]";
    }
}

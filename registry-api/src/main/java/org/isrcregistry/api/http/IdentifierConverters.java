package org.isrcregistry.api.http;

import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.RegistrantId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Path variables and parameters read as identifiers, in any written form their parsers accept. */
@Configuration(proxyBeanMethods = false)
class IdentifierConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Isrc.class, Isrc::parse);
        registry.addConverter(String.class, PrefixCode.class, PrefixCode::parse);
        registry.addConverter(String.class, CountryCode.class, CountryCode::parse);
        registry.addConverter(String.class, RegistrantId.class, RegistrantId::parse);
        registry.addConverter(String.class, ClientId.class, ClientId::parse);
    }
}

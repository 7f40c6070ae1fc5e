package org.isrcregistry.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import org.isrcregistry.core.input.Text;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * What the HTTP API reads is held to the domain's rule for text ({@link Text#wellFormed}) where it is read, so the
 * problem names the field: every JSON string of bodies and import rows, and request parameters, path variables and
 * headers bound to arguments. A lone surrogate used to be stored and then jam the Kafka feed; a NUL failed the write.
 * The documents themselves are read strictly: a duplicate key, data after the document or nesting deeper than any
 * request needs is a malformed request, refused before any command is sent.
 */
@Configuration(proxyBeanMethods = false)
public class WellFormedText {

    /** Far deeper than any request of the API (a version's recording's contributors: 4 levels). */
    public static final int MAX_NESTING = 32;

    /** Picked up by Spring Boot's builder of the HTTP mapper; Axon's mapper of stored events is left as it is. */
    @Bean
    Module wellFormedJsonStrings() {
        return new SimpleModule("well-formed-strings").addDeserializer(String.class, new JsonStrings());
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonDocuments() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING).build());
                    mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
                });
    }

    private static final class JsonStrings extends StdScalarDeserializer<String> {

        JsonStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Text.wellFormed(StringDeserializer.instance.deserialize(parser, context), "value");
        }
    }

    @ControllerAdvice
    static class Parameters {

        @InitBinder
        void refuseMalformed(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(Text.wellFormed(text, "value"));
                }
            });
        }
    }
}

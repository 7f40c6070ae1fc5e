package org.isrcregistry.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * U+0000 (NUL) is refused in every string a request sends, where it is read, so the problem names the field: JSON
 * fields of bodies and import rows, and request parameters, path variables and headers. PostgreSQL's text and jsonb
 * cannot hold it (a title with one used to fail the write with a 500), and no registry text needs it.
 */
@Configuration(proxyBeanMethods = false)
public class NulCharacters {

    /** What the problem says of the field. */
    public static final class NulCharacterException extends IllegalArgumentException {
        NulCharacterException() {
            super("contains the character U+0000 (NUL), which no registry text may hold; remove it");
        }
    }

    static String checked(String text) {
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new NulCharacterException();
        }
        return text;
    }

    /** Picked up by Spring Boot's builder of the HTTP mapper; Axon's mapper of stored events is left as it is. */
    @Bean
    Module nulFreeJsonStrings() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new JsonStrings());
    }

    private static final class JsonStrings extends StdScalarDeserializer<String> {

        JsonStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(StringDeserializer.instance.deserialize(parser, context));
        }
    }

    @ControllerAdvice
    static class Parameters {

        @InitBinder
        void refuseNul(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(checked(text));
                }
            });
        }
    }
}

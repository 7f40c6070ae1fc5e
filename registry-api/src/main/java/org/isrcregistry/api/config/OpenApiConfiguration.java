package org.isrcregistry.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isrcregistry.api.idempotency.IdempotencyFilter;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.security.TokenController;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.Ean;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.identifier.ReleaseCode;
import org.isrcregistry.core.identifier.Upc;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.registrant.RegistrantId;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The OpenAPI description at /v3/api-docs (UI at /swagger-ui.html): identifiers are strings in every written form
 * their parsers accept; every write documents Idempotency-Key and the RFC 9457 problems it can answer with.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        for (Class<?> identifier : new Class<?>[] {Isrc.class, PrefixCode.class, CountryCode.class, Upc.class,
                Ean.class, ReleaseCode.class, Iswc.class, RecordingDuration.class, AudioFingerprint.class}) {
            SpringDocUtils.getConfig().replaceWithClass(identifier, String.class);
        }
        SpringDocUtils.getConfig().replaceWithClass(RegistrantId.class, UUID.class);
        // A streamed body (the CSV and JSON reports) is described by its media types, not as a framework type.
        SpringDocUtils.getConfig().replaceWithClass(StreamingResponseBody.class, String.class);
    }

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI registryOpenApi() {
        return new OpenAPI().info(new Info().title("ISRC registry").version("v1")
                        .description("The system of record of a national ISRC agency (ISO 3901)."))
                // Relative: wherever this document is served (springdoc would name the host it was asked on).
                .servers(List.of(new Server().url("/").description("this registry")));
    }

    @Bean
    OpenApiCustomizer problemsAndIdempotency() {
        Map<String, String> problems = Map.of(
                "400", "Invalid input (field, identifier, JSON); nothing stored",
                "404", "Prefix or recording not registered",
                "409", "Conflict with the registry's state (already registered, suspended, withdrawn ...)",
                "413", "Body too large",
                "422", "Refused by a rule of the ISRC standard, or Idempotency-Key reused for another request",
                "default", "Any other refusal (405, 406, 415 ...) or the registry's own failure (500, 503)");
        return api -> {
            // Here, not on the OpenAPI bean: springdoc drops the bean's schemas that no operation references yet.
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getPaths().forEach((name, path) -> path.readOperationsMap().forEach((method, op) -> {
                problems.forEach((status, description) -> {
                    if (op.getResponses().get(status) == null) {
                        op.getResponses().addApiResponse(status, problem(description));
                    }
                });
                if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE
                        && !name.startsWith(TokenController.PATH)) {
                    idempotencyKey(op);
                }
            }));
        };
    }

    /** A response that is an RFC 9457 problem. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; `type` is one of the stable URIs under " + ProblemType.BASE)
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what was wrong"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("field", new StringSchema().description("the request field concerned"))
                .addProperty("action", new StringSchema().description("what to do"))
                .addProperty("part", new StringSchema().description("invalid identifiers: the part at fault"))
                .addProperty("position", new IntegerSchema()
                        .description("invalid identifiers: 1-based position in the input"))
                .addProperty("required", new StringSchema()
                        .description("403: what the request needs that the token lacks"));
    }

    private static void idempotencyKey(Operation op) {
        op.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                .description("A unique key per operation (e.g. a UUID): a retry with the same key returns the first"
                        + " response (header " + IdempotencyFilter.REPLAYED + ": true) and changes nothing")
                .schema(new StringSchema().maxLength(255)));
    }
}

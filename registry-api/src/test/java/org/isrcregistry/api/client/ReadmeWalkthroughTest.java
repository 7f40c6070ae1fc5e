package org.isrcregistry.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.client.ApiClient;
import org.isrcregistry.client.ApiException;
import org.isrcregistry.client.api.IsrcValidationApi;
import org.isrcregistry.client.api.PrefixesApi;
import org.isrcregistry.client.api.RecordingsCommandsApi;
import org.isrcregistry.client.api.RecordingsQueriesApi;
import org.isrcregistry.client.model.Entry;
import org.isrcregistry.client.model.HistoryView;
import org.isrcregistry.client.model.LineageView;
import org.isrcregistry.client.model.NewVersionRequest;
import org.isrcregistry.client.model.OwnershipTransferRequest;
import org.isrcregistry.client.model.PrefixView;
import org.isrcregistry.client.model.Problem;
import org.isrcregistry.client.model.RecordingRequest;
import org.isrcregistry.client.model.RecordingResponse;
import org.isrcregistry.client.model.RecordingState;
import org.isrcregistry.client.model.RegisterPrefixRequest;
import org.isrcregistry.client.model.RegistrantRequest;
import org.isrcregistry.client.model.ValidationRequest;
import org.isrcregistry.client.model.ValidationResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's "Try it", step by step, through the Java client OpenAPI Generator makes from docs/openapi.json (at
 * build time, into target/generated-test-sources), over real HTTP: what a client developer does with the published
 * description. Only the prefix differs from the README's, since the registry is shared with other tests.
 */
@RegistryIntegrationTest
class ReadmeWalkthroughTest {

    @LocalServerPort
    int port;

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    @Test
    void theReadmeWalkthroughRunsThroughTheGeneratedClient() throws Exception {
        ApiClient agency = client(AgencyToken.SECRET);
        ApiClient anonymous = client(null);
        String code = registerANewPrefix(new PrefixesApi(agency));

        RecordingsCommandsApi commands = new RecordingsCommandsApi(agency);
        String idempotencyKey = UUID.randomUUID().toString();
        RecordingRequest song = new RecordingRequest().title("Les saisons").mainArtist("Ariane Tremblay")
                .duration("PT3M18S").kind(RecordingRequest.KindEnum.AUDIO).firstPublished(LocalDate.parse("2026-02-01"))
                .owner("Disques K7Q");
        RecordingResponse assigned = commands.assign(code, song, idempotencyKey);
        String isrc = assigned.getIsrc();
        assertThat(isrc).startsWith(code.replace("-", "")).hasSize(12);
        assertThat(assigned.getPossibleDuplicates()).isEmpty();
        // The same request under the same key: the first answer again, nothing assigned twice.
        assertThat(commands.assign(code, song, idempotencyKey).getIsrc()).isEqualTo(isrc);

        RecordingResponse remix = commands.declareVersion(isrc, new NewVersionRequest()
                .change(NewVersionRequest.ChangeEnum.REMIX)
                .recording(new RecordingRequest().title("Les saisons").versionTitle("Club remix")
                        .mainArtist("Ariane Tremblay").duration("PT5M02S").kind(RecordingRequest.KindEnum.AUDIO)
                        .owner("Disques K7Q")), null);
        assertThat(remix.getIsrc()).isNotEqualTo(isrc);
        assertThat(remix.getRecording().getParent()).isEqualTo(isrc);

        RecordingResponse transferred = commands.transferOwnership(isrc, new OwnershipTransferRequest()
                .newOwner("Label Nordet").effectiveDate(LocalDate.parse("2026-06-01")), null);
        assertThat(transferred.getRecording().getOwner()).isEqualTo("Label Nordet");

        HistoryView history = new RecordingsQueriesApi(agency).history(isrc);
        assertThat(history.getEvents()).extracting(Entry::getType).isNotEmpty().last().asString()
                .contains("OwnershipTransferred");
        assertThat(history.getEvents()).allSatisfy(event -> assertThat(event.getActor()).startsWith("token:"));

        // The public reads, without a token.
        RecordingsQueriesApi publicReads = new RecordingsQueriesApi(anonymous);
        RecordingState looked = publicReads.getRecording(isrc, null);
        assertThat(looked.getTitle()).isEqualTo("Les saisons");
        assertThat(looked.getOwner()).isEqualTo("Label Nordet");
        LineageView lineage = publicReads.lineage(isrc);
        assertThat(lineage.getChildren()).extracting(RecordingState::getIsrc).containsExactly(remix.getIsrc());

        ValidationResponse validation = new IsrcValidationApi(anonymous).validate(new ValidationRequest()
                .codes(List.of("isrc " + assigned.getDisplay().toLowerCase(), "CAK7Q2600001USK4F2600002")), null);
        assertThat(validation.getValid()).isEqualTo(1);
        assertThat(validation.getInvalid()).isEqualTo(1);
        assertThat(validation.getResults().get(0).getIsrc()).isEqualTo(isrc);
    }

    @Test
    void aRefusalReadsAsTheDescribedProblem() throws Exception {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> new RecordingsCommandsApi(client(null)).assign("CA-K7Q", new RecordingRequest().title("x")
                        .mainArtist("y").duration("PT1M").kind(RecordingRequest.KindEnum.AUDIO).owner("z"), null));
        assertThat(refused.getCode()).isEqualTo(401);
        Problem problem = client(null).getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getType()).hasToString("https://isrc-registry.org/problems/unauthorized");
        assertThat(problem.getAction()).isNotBlank();

        ApiException invalid = catchThrowableOfType(ApiException.class,
                () -> new RecordingsQueriesApi(client(null)).getRecording("CA-K7Q-26-0000", null));
        assertThat(invalid.getCode()).isEqualTo(400);
        Problem invalidCode = client(null).getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertThat(invalidCode.getType()).hasToString("https://isrc-registry.org/problems/invalid-code");
        assertThat(invalidCode.getPart()).isNotBlank();
        assertThat(invalidCode.getPosition()).isPositive();
    }

    /** A prefix no other test uses (DE-Y..), registered through the client as the README's first step. */
    private static String registerANewPrefix(PrefixesApi prefixes) throws ApiException {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String code = "DE-Y" + alphabet.charAt(random.nextInt(36)) + alphabet.charAt(random.nextInt(36));
            try {
                PrefixView prefix = prefixes.registerPrefix(new RegisterPrefixRequest().prefix(code)
                        .registrant(new RegistrantRequest().name("Disques K7Q")), null);
                assertThat(prefix.getDisplay()).isEqualTo(code);
                return code;
            } catch (ApiException taken) {
                assertThat(taken.getCode()).as(taken.getResponseBody()).isEqualTo(409);
            }
        }
    }
}

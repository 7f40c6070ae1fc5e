package org.isrcregistry.core.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.core.testing.Samples.details;
import static org.isrcregistry.core.testing.Samples.isrc26;
import static org.isrcregistry.core.testing.Samples.recordingAssigned;
import static org.isrcregistry.core.testing.Samples.song;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.core.testing.Serializers;
import org.junit.jupiter.api.Test;

/** Events stored before issue 11's fixes, which no longer pass the domain's rules, are read, not rewritten. */
class ReadableEventsUpcasterTest {

    private final JacksonSerializer serializer = Serializers.jackson();

    @Test
    void aNegativeOrZeroDurationReadsAsTheShortestOne() {
        for (String stored : new String[] {"PT-0.001S", "PT0S", "PT-3M"}) {
            IsrcAssigned event = (IsrcAssigned) read(assigned().replace("\"PT3M18S\"", "\"" + stored + "\""));
            assertThat(event.details().metadata().duration().iso()).isEqualTo("PT0.001S");
        }
    }

    @Test
    void aLoneSurrogateOrControlCharacterReadsAsAReplacementCharacter() {
        IsrcAssigned event = (IsrcAssigned) read(assigned().replace("\"Les saisons\"", "\"x\\ud800y\\u0000\\tz\""));
        assertThat(event.details().metadata().title()).isEqualTo("x\ufffdy\ufffd z");
    }

    @Test
    void aFirstPublicationOutOfRangeReadsAsUnknown() {
        for (String stored : new String[] {"0000-01-01", "+10000-01-01", "1500-06-01"}) {
            IsrcAssigned event = (IsrcAssigned) read(assigned().replace("\"2026-02-01\"", "\"" + stored + "\""));
            assertThat(event.details().metadata().firstPublished()).isNull();
        }
    }

    @Test
    void anEffectiveDateOutOfRangeIsBroughtIntoIt() {
        OwnershipTransferred transfer = new OwnershipTransferred(isrc26(1), "A", "B", LocalDate.of(2025, 1, 1));
        String json = serializer.serialize(transfer, String.class).getData().replace("2025-01-01", "+10000-01-01");
        assertThat(((OwnershipTransferred) read(json, OwnershipTransferred.class)).effectiveDate())
                .isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void aWellFormedEventIsNotEvenParsed() {
        byte[] json = assigned().getBytes(StandardCharsets.UTF_8);
        assertThat(ReadableEventsUpcaster.suspicious(json)).isFalse();
        assertThat(read(assigned())).isEqualTo(serializer.deserialize(serialized()));
    }

    private String assigned() {
        return serialized().getData();
    }

    private SerializedObject<String> serialized() {
        return serializer.serialize(recordingAssigned(isrc26(1), details(song())), String.class);
    }

    private Object read(String json) {
        return read(json, IsrcAssigned.class);
    }

    private Object read(String json, Class<?> type) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Recording", "CAK7Q2600001", 0, "e-1",
                Instant.parse("2026-05-01T10:00:00Z"), type.getName(), "1", json, "{}");
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                new ReadableEventsUpcaster()).next().getPayload();
    }
}

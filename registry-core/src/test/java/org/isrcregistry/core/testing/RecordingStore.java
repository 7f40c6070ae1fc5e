package org.isrcregistry.core.testing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.Recording;
import org.isrcregistry.core.recording.Recordings;

import java.util.List;
import java.util.Map;

/**
 * The recordings' side of a test: AggregateTestFixture records the events of one aggregate only, so
 * the recordings a Prefix creates or changes live in this separate in-memory event store, with the
 * catalogue kept up to date from it as the production lookup is.
 */
public final class RecordingStore {

    private final EmbeddedEventStore events =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventSourcingRepository<Recording> repository =
            EventSourcingRepository.builder(Recording.class).eventStore(events).build();
    private final InMemoryRecordingCatalogue catalogue = new InMemoryRecordingCatalogue();
    private final Recordings recordings = new Recordings(() -> repository, () -> events);

    public RecordingStore() {
        events.subscribe(catalogue::index);
    }

    /** Stores events as the history of the recordings they concern. */
    public RecordingStore given(RecordingEvent... history) {
        for (RecordingEvent event : history) {
            long sequence = events.lastSequenceNumberFor(event.isrc().value()).map(last -> last + 1).orElse(0L);
            events.publish(new GenericDomainEventMessage<>("Recording", event.isrc().value(), sequence, event));
        }
        return this;
    }

    public List<Object> eventsOf(Isrc isrc) {
        return events.readEvents(isrc.value()).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    /** The metadata of the recording's first event. */
    public Map<String, Object> metaDataOf(Isrc isrc) {
        return events.readEvents(isrc.value()).asStream().findFirst().orElseThrow().getMetaData();
    }

    public Recordings recordings() {
        return recordings;
    }

    public InMemoryRecordingCatalogue catalogue() {
        return catalogue;
    }

    public RepositoryProvider repositoryProvider() {
        return new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return aggregateType == Recording.class ? (Repository<T>) repository : null;
            }
        };
    }
}

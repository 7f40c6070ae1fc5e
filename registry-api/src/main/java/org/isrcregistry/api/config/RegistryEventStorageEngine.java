package org.isrcregistry.api.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.isrcregistry.projections.jdbc.CopyText;

/**
 * Axon's JDBC event store with three changes, none visible in what it stores or reads.
 * <p>
 * <b>Large appends go by COPY.</b> A unit of work with many events (a batch of an import or of assignments) is
 * appended with PostgreSQL's {@code COPY ... FROM STDIN} instead of a batch of INSERTs: the same columns with the same
 * values (Axon's own serialization of payload and metadata, its timestamp format), the same transaction, and the same
 * guards, since COPY checks the table's unique keys like an INSERT: a stream position taken by another node fails the
 * whole append with a unique violation, which {@link #handlePersistenceException} turns into Axon's concurrency
 * exception, as for an INSERT. What COPY saves is the JDBC driver's work per parameter and the server's per statement.
 * <p>
 * <b>A stream that may block ends after one fetch.</b> Only the embedded event store's shared reader asks for it (the
 * reader the tracking processors at the head of the store share), and that reader holds the first event it read in a
 * stream until the stream ends (Axon 4.13 {@code EmbeddedEventStore.EventProducer#fetchData}, local
 * {@code currentNewest}; AxonFramework issue 2954); a stream that never ends, while events keep arriving, keeps every
 * event read since in memory: 485,000 events held from the shared reader's stack in a heap dump taken while a seeded
 * catalogue was read, and the registry out of its heap. The reader opens the next stream at once.
 * <p>
 * <b>An event's timestamp is read by position.</b> Axon's entry keeps the stored text and parses it with a general
 * formatter whenever it is asked: once in Axon's own gap check as the row is read, and again for the message a
 * processor, the rebuild or an aggregate's load gets. The message's instant is read here from the row instead
 * ({@link StoredTimestamp}); the gap check's parse stays, since avoiding it means re-implementing Axon's gap tracking.
 */
class RegistryEventStorageEngine extends JdbcEventStorageEngine {

    /** From this many events on, an append goes by COPY; below, Axon's batch of INSERTs costs no more. */
    static final int COPY_FROM = 64;

    private final TransactionManager transactionManager;
    private final int fetchSize;

    RegistryEventStorageEngine(Builder builder, TransactionManager transactionManager, int fetchSize) {
        super(builder.transactionManager(transactionManager).batchSize(fetchSize));
        this.transactionManager = transactionManager;
        this.fetchSize = fetchSize;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(token, mayBlock);
        return mayBlock ? events.limit(fetchSize) : events;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(row, previous);
        return read instanceof TrackedDomainEventData<?> event ? withStoredTimestamp(event, row) : read;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet row) throws SQLException {
        return new ParsedTimestamp<>(super.getDomainEventData(row), timestamp(row));
    }

    private <T> TrackedDomainEventData<T> withStoredTimestamp(TrackedDomainEventData<T> event, ResultSet row)
            throws SQLException {
        return new TrackedDomainEventData<>(event.trackingToken(), new ParsedTimestamp<>(event, timestamp(row)));
    }

    private Instant timestamp(ResultSet row) throws SQLException {
        return StoredTimestamp.parse(row.getString(schema().timestampColumn()));
    }

    /** An event read from the store, with its timestamp already parsed. */
    private record ParsedTimestamp<T>(DomainEventData<T> event, Instant timestamp) implements DomainEventData<T> {

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public String getEventIdentifier() {
            return event.getEventIdentifier();
        }

        @Override
        public String getType() {
            return event.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return event.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return event.getPayload();
        }
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() < COPY_FROM) {
            super.appendEvents(events, serializer);
            return;
        }
        CopyText rows = new CopyText(events.size(), 1024);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            rows.row(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(),
                    DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metaData.getData());
        }
        EventSchema schema = schema();
        String columns = String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.typeColumn(), schema.timestampColumn(),
                schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                schema.metaDataColumn());
        transactionManager.executeInTransaction(() -> {
            try (Connection connection = getConnection()) {
                rows.copyInto(connection, schema.domainEventTable(), columns);
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    /** As Axon's append treats an event that belongs to no aggregate: its own identifier as the stream. */
    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}

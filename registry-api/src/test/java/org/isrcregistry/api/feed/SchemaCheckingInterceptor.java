package org.isrcregistry.api.feed;

import io.cloudevents.CloudEvent;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Configured on the feed's producers in the tests: every message they send is checked against its schema. */
public class SchemaCheckingInterceptor implements ProducerInterceptor<String, CloudEvent> {

    @Override
    public ProducerRecord<String, CloudEvent> onSend(ProducerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (!record.key().equals(event.getSubject())) {
            FeedSchemas.VIOLATIONS.add(record.topic() + ": key " + record.key() + " is not the subject "
                    + event.getSubject());
        }
        FeedSchemas.check(record.topic(), record.key(), event.getType(),
                event.getData() == null ? new byte[0] : event.getData().toBytes());
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}

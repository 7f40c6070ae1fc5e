package org.isrcregistry.api.feed;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/** Configured on the feed's producers in the tests: every message they send is checked against its schema. */
public class SchemaCheckingInterceptor implements ProducerInterceptor<String, byte[]> {

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        if (record.topic().endsWith(".ledger-checkpoints")) {
            return record; // the ledger's signed checkpoints (docs/ledger.md): notes, not CloudEvents
        }
        String subject = header(record, "ce_subject");
        if (!record.key().equals(subject)) {
            FeedSchemas.VIOLATIONS.add(record.topic() + ": key " + record.key() + " is not the subject " + subject);
        }
        FeedSchemas.check(record.topic(), record.key(), header(record, "ce_type"),
                record.value() == null ? new byte[0] : record.value());
        return record;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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

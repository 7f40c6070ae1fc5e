package org.isrcregistry.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.ledger.NoteKeys;
import org.isrcregistry.projections.ledger.LedgerProperties;
import org.isrcregistry.projections.ledger.LedgerVerification;
import org.isrcregistry.projections.ledger.LedgerVerification.Fault;
import org.isrcregistry.projections.ledger.LedgerWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored events changed behind the registry's back, in every way the issue names, each found at exactly its log index,
 * and the checkpoint signed before the change no longer verifying. Real events (a prefix and its recordings, stored by
 * the shared registry) are copied into a database of the test's own, where the ledger is written and then tampered
 * with; every change is undone before the next.
 */
@RegistryIntegrationTest
class LedgerTamperingTest {

    static final LedgerProperties FAST = new LedgerProperties("agency.example/isrc-ledger/v1", null,
            Duration.ofMillis(10), 5000, Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ZERO,
            Duration.ofMinutes(5));

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate shared;

    @Autowired
    EmbeddedPostgres postgres;

    private IsolatedDatabase db;
    private LedgerWriter writer;
    private LedgerVerification verification;
    /** The copied events' global indexes, in order; {@link #HOLE} is left free. */
    private List<Long> globalIndexes;
    private static final long HOLE = 4;

    @BeforeEach
    void copyRealEventsIntoADatabaseOfTheirOwnAndWriteTheLedger() throws Exception {
        TestRegistry registry = new TestRegistry(http, shared);
        String prefix = registry.newPrefix();
        for (int i = 0; i < 3; i++) {
            registry.assign(prefix, "Tampered " + i);
        }
        db = new IsolatedDatabase(postgres, shared);
        List<Map<String, Object>> events = shared.queryForList("""
                SELECT * FROM domainevententry WHERE aggregateidentifier LIKE ? ORDER BY globalindex""",
                prefix.replace("-", "") + "%");
        assertThat(events).hasSizeGreaterThanOrEqualTo(7);
        long globalIndex = 1;
        for (Map<String, Object> event : events) {
            if (globalIndex == HOLE) {
                globalIndex++; // a transaction that rolled back
            }
            db.jdbc.update("""
                    INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type,
                        eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", globalIndex++, event.get("aggregateidentifier"),
                    event.get("sequencenumber"), event.get("type"), event.get("eventidentifier"),
                    event.get("metadata"), event.get("payload"), event.get("payloadrevision"),
                    event.get("payloadtype"), event.get("timestamp"));
        }
        db.jdbc.queryForObject("SELECT setval('domain_event_global_index_seq', ?)", Long.class, globalIndex - 1);
        NoteKeys.Signer signer = NoteKeys.Signer.generate(FAST.origin());
        writer = new LedgerWriter(db.dataSource, FAST, signer, Clock.systemUTC());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (leaves() < events.size() && System.nanoTime() < deadline) {
            writer.write();
            Thread.sleep(10);
        }
        assertThat(leaves()).isEqualTo(events.size());
        globalIndexes = db.jdbc.queryForList("SELECT global_index FROM ledger_leaf ORDER BY log_index", Long.class);
        assertThat(globalIndexes).doesNotContain(HOLE);
        verification = new LedgerVerification(db.dataSource, signer.verifier());
        LedgerVerification.Status clean = verification.verifyNow();
        assertThat(clean.firstFault()).isNull();
        assertThat(clean.checkpointHolds()).isTrue();
        assertThat(clean.checkpointSize()).isEqualTo(events.size());
    }

    @AfterEach
    void dropTheDatabase() {
        db.close();
    }

    private long leaves() {
        return db.jdbc.queryForObject("SELECT count(*) FROM ledger_leaf", Long.class);
    }

    private String identifierAt(long globalIndex) {
        return db.jdbc.queryForObject("SELECT eventidentifier FROM domainevententry WHERE globalindex = ?",
                String.class, globalIndex);
    }

    private void assertFoundAt(Fault fault, int logIndex, long globalIndex, String eventIdentifier,
                               boolean checkpointBroken) {
        LedgerVerification.Status status = verification.verifyNow();
        assertThat(status.state()).isEqualTo("DONE");
        assertThat(status.firstFault()).isEqualTo(
                new LedgerVerification.FirstFault(fault, logIndex, globalIndex, eventIdentifier));
        assertThat(status.checkpointHolds()).isEqualTo(!checkpointBroken);
    }

    @Test
    void oneByteOfAPayloadChanged() {
        long target = globalIndexes.get(5);
        String id = identifierAt(target);
        db.jdbc.update("UPDATE domainevententry SET payload = set_byte(payload, 3, get_byte(payload, 3) # 1) "
                + "WHERE globalindex = ?", target);
        assertFoundAt(Fault.ALTERED, 5, target, id, true);
    }

    @Test
    void oneByteOfTheMetadataChanged() {
        long target = globalIndexes.get(2);
        String id = identifierAt(target);
        db.jdbc.update("UPDATE domainevententry SET metadata = set_byte(metadata, 2, get_byte(metadata, 2) # 1) "
                + "WHERE globalindex = ?", target);
        assertFoundAt(Fault.ALTERED, 2, target, id, true);
    }

    @Test
    void aTimestampChanged() {
        long target = globalIndexes.get(6);
        String id = identifierAt(target);
        db.jdbc.update("UPDATE domainevententry SET timestamp = overlay(timestamp placing "
                + "CASE WHEN substr(timestamp, 19, 1) = '1' THEN '2' ELSE '1' END from 19 for 1) WHERE globalindex = ?",
                target);
        assertFoundAt(Fault.ALTERED, 6, target, id, true);
    }

    @Test
    void aRowDeleted() {
        long target = globalIndexes.get(3);
        String id = identifierAt(target);
        db.jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", target);
        assertFoundAt(Fault.REMOVED, 3, target, id, true);
    }

    @Test
    void aForgedRowInserted() {
        db.jdbc.update("""
                INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                    metadata, payload, payloadrevision, payloadtype, timestamp)
                SELECT ?, aggregateidentifier, 99, type, 'forged-event', metadata, payload, payloadrevision, payloadtype,
                       timestamp FROM domainevententry WHERE globalindex = ?""", HOLE, globalIndexes.get(1));
        int position = (int) globalIndexes.stream().filter(g -> g < HOLE).count();
        assertFoundAt(Fault.INSERTED, position, HOLE, "forged-event", false);
    }

    @Test
    void twoRowsSwapped() {
        long first = globalIndexes.get(1);
        long second = globalIndexes.get(4);
        String secondId = identifierAt(second);
        db.jdbc.update("UPDATE domainevententry SET globalindex = -1 WHERE globalindex = ?", first);
        db.jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = ?", first, second);
        db.jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = -1", second);
        assertFoundAt(Fault.REORDERED, 1, first, secondId, true);
    }

    @Test
    void theWriterRefusesToSignATreeThatNoLongerExtendsItsLastCheckpoint() {
        // The largest complete subtree: part of every later root, so of the next checkpoint's consistency proof.
        db.jdbc.update("UPDATE ledger_node SET hash = sha256(hash) "
                + "WHERE idx = 0 AND level = (SELECT max(level) FROM ledger_node)");
        db.jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                SELECT aggregateidentifier, 1000, type, 'later-event', metadata, payload, payloadrevision,
                       payloadtype, timestamp FROM domainevententry WHERE globalindex = ?""", globalIndexes.get(0));
        assertThatThrownBy(writer::write).isInstanceOf(LedgerWriter.ForkException.class)
                .hasMessageContaining("no longer hash to the last checkpoint's root");
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM ledger_checkpoint WHERE tree_size > ?", Long.class,
                (long) globalIndexes.size())).isZero();
    }
}

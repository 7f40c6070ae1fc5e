package org.isrcregistry.projections.lookup;

import static org.isrcregistry.core.rule.RegistryRuleException.Kind.DUPLICATE_AUDIO;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.MetadataCorrected;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the lookups behind {@link JdbcRecordingCatalogue} and {@link JdbcRegistrantCodes} in the same transaction as
 * the events: this processing group is subscribing, so it runs inside the command's unit of work, and a failure here
 * rolls the command back.
 */
@ProcessingGroup(RegistryLookups.PROCESSING_GROUP)
public class RegistryLookups {

    public static final String PROCESSING_GROUP = "registry-lookups";

    private final JdbcTemplate jdbc;

    public RegistryLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecordingCreated event) {
        RecordingDetails details = event.details();
        String isrc = event.isrc().value();
        if (details.fingerprint() != null) {
            try {
                jdbc.update("INSERT INTO lookup_fingerprint (fingerprint, isrc) VALUES (?, ?)",
                        details.fingerprint().sha256(), isrc);
            } catch (DuplicateKeyException raced) {
                // Another transaction registered the same audio between this command's check and its commit.
                String existing = jdbc.queryForObject("SELECT isrc FROM lookup_fingerprint WHERE fingerprint = ?",
                        String.class, details.fingerprint().sha256());
                throw new RegistryRuleException(DUPLICATE_AUDIO, "fingerprint",
                        "this audio already has ISRC " + existing + "; a new ISRC for unchanged audio splits streams and royalties",
                        "Use the existing ISRC " + existing + ", or declare a new version if the audio changed.");
            }
        }
        jdbc.update("INSERT INTO lookup_recording_match (isrc, match_key, duration_ms) VALUES (?, ?, ?)",
                isrc, details.metadata().matchKey(), details.metadata().duration().millis());
    }

    @EventHandler
    void on(MetadataCorrected event) {
        jdbc.update("UPDATE lookup_recording_match SET match_key = ?, duration_ms = ? WHERE isrc = ?",
                event.metadata().matchKey(), event.metadata().duration().millis(), event.isrc().value());
    }

    /** A withdrawn code is retired: its audio may be registered again, under one new code. */
    @EventHandler
    void on(IsrcWithdrawn event) {
        jdbc.update("DELETE FROM lookup_fingerprint WHERE isrc = ?", event.isrc().value());
        jdbc.update("DELETE FROM lookup_recording_match WHERE isrc = ?", event.isrc().value());
    }

    @EventHandler
    void on(PrefixRegistered event) {
        jdbc.update("INSERT INTO lookup_prefix_code (prefix_code, country_code) VALUES (?, ?)",
                event.prefixCode().value(), event.prefixCode().countryCode().value());
    }
}

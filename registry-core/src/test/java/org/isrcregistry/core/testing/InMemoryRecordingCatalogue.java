package org.isrcregistry.core.testing;

import org.axonframework.eventhandling.EventMessage;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.MetadataCorrected;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.RecordingCatalogue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The lookup the production catalogue keeps in SQL, kept in memory from the recording events. */
public final class InMemoryRecordingCatalogue implements RecordingCatalogue {

    private final Map<Isrc, RecordingMetadata> metadata = new TreeMap<>();
    private final Map<Isrc, AudioFingerprint> fingerprints = new TreeMap<>();
    private final Set<Isrc> withdrawn = new HashSet<>();

    void index(List<? extends EventMessage<?>> events) {
        events.forEach(event -> index(event.getPayload()));
    }

    private void index(Object event) {
        if (event instanceof RecordingCreated created) {
            metadata.put(created.isrc(), created.details().metadata());
            if (created.details().fingerprint() != null) {
                fingerprints.put(created.isrc(), created.details().fingerprint());
            }
        } else if (event instanceof MetadataCorrected corrected) {
            metadata.put(corrected.isrc(), corrected.metadata());
        } else if (event instanceof IsrcWithdrawn withdrawal) {
            withdrawn.add(withdrawal.isrc());
        }
    }

    @Override
    public Optional<Isrc> activeRecordingWithFingerprint(AudioFingerprint fingerprint) {
        return fingerprints.entrySet().stream()
                .filter(entry -> !withdrawn.contains(entry.getKey()))
                .filter(entry -> Objects.equals(entry.getValue(), fingerprint))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public List<Isrc> possibleDuplicatesOf(RecordingMetadata candidate) {
        return metadata.entrySet().stream()
                .filter(entry -> !withdrawn.contains(entry.getKey()))
                .filter(entry -> entry.getValue().possibleDuplicateOf(candidate))
                .map(Map.Entry::getKey)
                .toList();
    }
}

package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.RecordingCatalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The catalogue as a batch sees it: the committed recordings, asked once for the whole batch (one query per rule, not
 * one per row), plus those registered earlier in the same batch. The committed answers cannot change while the batch
 * is decided: the batch's own lookups are written when its unit of work commits.
 */
final class BatchCatalogue implements RecordingCatalogue {

    private final RecordingCatalogue committed;
    private final Map<AudioFingerprint, Isrc> committedFingerprints;
    private final Map<RecordingMetadata, List<Isrc>> committedDuplicates;
    private final Map<AudioFingerprint, Isrc> fingerprints = new HashMap<>();
    private final Map<String, List<Map.Entry<Isrc, RecordingMetadata>>> byMatchKey = new HashMap<>();

    BatchCatalogue(RecordingCatalogue committed, Collection<RecordingDetails> batch) {
        this.committed = committed;
        this.committedFingerprints = committed.activeRecordingsWithFingerprints(
                batch.stream().map(RecordingDetails::fingerprint).filter(Objects::nonNull).distinct().toList());
        this.committedDuplicates = committed.possibleDuplicatesOfEach(
                batch.stream().map(RecordingDetails::metadata).distinct().toList());
    }

    void add(Isrc isrc, RecordingDetails details) {
        if (details.fingerprint() != null) {
            fingerprints.put(details.fingerprint(), isrc);
        }
        byMatchKey.computeIfAbsent(details.metadata().matchKey(), key -> new ArrayList<>())
                .add(Map.entry(isrc, details.metadata()));
    }

    @Override
    public Optional<Isrc> activeRecordingWithFingerprint(AudioFingerprint fingerprint) {
        Isrc own = fingerprints.getOrDefault(fingerprint, committedFingerprints.get(fingerprint));
        return own != null ? Optional.of(own) : Optional.empty();
    }

    @Override
    public List<Isrc> possibleDuplicatesOf(RecordingMetadata metadata) {
        List<Isrc> known = committedDuplicates.get(metadata);
        List<Map.Entry<Isrc, RecordingMetadata>> own = byMatchKey.getOrDefault(metadata.matchKey(), List.of());
        if (own.isEmpty()) {
            return known != null ? known : committed.possibleDuplicatesOf(metadata);
        }
        TreeSet<Isrc> found = new TreeSet<>(known != null ? known : committed.possibleDuplicatesOf(metadata));
        for (Map.Entry<Isrc, RecordingMetadata> registered : own) {
            if (registered.getValue().possibleDuplicateOf(metadata)) {
                found.add(registered.getKey());
            }
        }
        return List.copyOf(found);
    }
}

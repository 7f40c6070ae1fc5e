package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.rule.RecordingCatalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The catalogue as a batch sees it: the committed recordings plus those registered earlier in the same batch. */
final class BatchCatalogue implements RecordingCatalogue {

    private final RecordingCatalogue committed;
    private final Map<AudioFingerprint, Isrc> fingerprints = new HashMap<>();
    private final Map<String, List<Map.Entry<Isrc, RecordingMetadata>>> byMatchKey = new HashMap<>();

    BatchCatalogue(RecordingCatalogue committed) {
        this.committed = committed;
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
        Isrc own = fingerprints.get(fingerprint);
        return own != null ? Optional.of(own) : committed.activeRecordingWithFingerprint(fingerprint);
    }

    @Override
    public List<Isrc> possibleDuplicatesOf(RecordingMetadata metadata) {
        TreeSet<Isrc> found = new TreeSet<>(committed.possibleDuplicatesOf(metadata));
        for (Map.Entry<Isrc, RecordingMetadata> own : byMatchKey.getOrDefault(metadata.matchKey(), List.of())) {
            if (own.getValue().possibleDuplicateOf(metadata)) {
                found.add(own.getKey());
            }
        }
        return List.copyOf(found);
    }
}

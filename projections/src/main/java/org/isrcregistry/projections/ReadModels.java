package org.isrcregistry.projections;

import java.util.List;
import org.isrcregistry.projections.audit.AuditLogProjection;
import org.isrcregistry.projections.compliance.ComplianceProjection;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.recording.RecordingProjection;

/** The processing groups of the read models: each a streaming processor over the event store, each rebuildable. */
public final class ReadModels {

    /** Every read model, including the agency's audit log and the compliance reports' read model. */
    public static final List<String> ALL = List.of(PrefixProjection.PROCESSING_GROUP,
            RecordingProjection.PROCESSING_GROUP, AuditLogProjection.PROCESSING_GROUP,
            ComplianceProjection.PROCESSING_GROUP);

    private ReadModels() {
    }
}

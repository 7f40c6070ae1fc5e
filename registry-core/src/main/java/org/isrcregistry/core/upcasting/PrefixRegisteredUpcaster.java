package org.isrcregistry.core.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.isrcregistry.core.prefix.PrefixRegistered;

/**
 * {@code PrefixRegistered} revisions 1 (the registrant as a plain name) and 2 (a name and a free-text contact) held the
 * prefix's holder; revision 3 does not: who holds a prefix is a registrant record and a {@code PrefixAllocated}
 * event, never public. The stored events stay as they are; the legacy holder becomes a registrant record through the
 * migration that reads them (docs/registrants.md), so what is dropped here is not lost.
 */
public class PrefixRegisteredUpcaster extends SingleEventUpcaster {

    private static final String TYPE = PrefixRegistered.class.getTypeName();
    private static final Set<SimpleSerializedType> LEGACY = Set.of(
            new SimpleSerializedType(TYPE, "1"), new SimpleSerializedType(TYPE, "2"));
    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(TYPE, "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return LEGACY.contains(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(REVISION_3, JsonNode.class, payload -> {
            ((ObjectNode) payload).remove("registrant");
            return payload;
        });
    }
}

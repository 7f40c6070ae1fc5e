package org.isrcregistry.api.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Every event a command would store is read back through the event serializer before it is stored, and must come
 * back equal, with no text PostgreSQL's jsonb would refuse: otherwise the command fails (its unit of work rolls back,
 * nothing is stored) with {@link UnstorableEventException}, a 400 problem. The domain's value types refuse bad input first; this is the last
 * guard against a record that could be stored but never read back, published or rebuilt (a JSON number once reached
 * a duration's constructor and stored PT-0.001S, which then failed every read). The serialized form is the one the
 * event store then writes (Axon keeps it on the message), so only the reading back is extra work.
 */
public final class StorableEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Serializer serializer;

    StorableEvents(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            check(message);
            return message;
        };
    }

    private void check(EventMessage<?> message) {
        Object payload = message.getPayload();
        Object readBack;
        SerializedObject<byte[]> stored;
        try {
            stored = message.serializePayload(serializer, byte[].class);
            readBack = serializer.deserialize(stored);
        } catch (RuntimeException unreadable) {
            throw new UnstorableEventException(message.getPayloadType(), unreadable);
        }
        if (!Objects.equals(payload, readBack) || !jsonbSafe(stored.getData())) {
            throw new UnstorableEventException(message.getPayloadType(), null);
        }
    }

    /**
     * Whether the read models and the feed can keep the event's texts in PostgreSQL's jsonb, which refuses the escapes
     * of NUL and of a lone surrogate (Jackson writes a lone surrogate as such an escape, and reads it back: a lone
     * surrogate survives the round trip, then jams every projection of it).
     */
    static boolean jsonbSafe(byte[] json) {
        for (int i = 0; i < json.length - 1; i++) {
            if (json[i] != '\\') {
                continue;
            }
            if (json[i + 1] == 'u' && i + 5 < json.length) {
                int code = Integer.parseInt(new String(json, i + 2, 4, StandardCharsets.US_ASCII), 16);
                if (code == 0 || Character.isSurrogate((char) code)) {
                    return false;
                }
                i += 5;
            } else {
                i++;
            }
        }
        return true;
    }

    /** An event whose stored form would not read back as itself; nothing was stored. */
    public static final class UnstorableEventException extends RuntimeException {

        UnstorableEventException(Class<?> event, Throwable cause) {
            super("The " + event.getSimpleName() + " this request would record does not read back as it was "
                    + (cause == null ? "written" : "written (" + rootMessage(cause) + ")"), cause);
        }

        private static String rootMessage(Throwable cause) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage();
        }
    }
}

package com.langomni.memory.repository;

import com.langomni.api.memory.MemoryVisibility;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.store.embedding.filter.Filter;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.JsonWithInt;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static io.qdrant.client.ConditionFactory.matchKeyword;

/**
 * How a memory maps onto a Qdrant point: the text under {@link #TEXT} (langchain4j's text segment key) and the
 * other fields as flat payload keys, so that owner, kind, subject and createdAt can carry payload indexes.
 * Evidence ids are joined with commas (langchain4j metadata holds scalars only).
 */
public final class QdrantPayloads {

    public static final String TEXT = "text";
    public static final String OWNER = "owner";
    public static final String KIND = "kind";
    public static final String SUBJECT = "subject";
    public static final String IMPORTANCE = "importance";
    public static final String CREATED = "createdAt";
    public static final String LAST_ACCESS = "lastAccessAt";
    public static final String EVIDENCE = "evidence";
    /** {@code PUBLIC} or {@code PRIVATE}; a point without it (written before it existed) is private. */
    public static final String VISIBILITY = "visibility";
    /** The provenance as one JSON string ({@link ProvenanceJson}); a point without it has none. */
    public static final String PROVENANCE = "provenance";

    private QdrantPayloads() {
    }

    /** Where a Qdrant gRPC endpoint is: {@code http(s)://host[:port]}, port 6334 by default. */
    public record Target(String host, int port, boolean tls) {
        public static Target parse(String url) {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("QDRANT_URL must look like http://host:6334, got " + url);
            }
            boolean tls = "https".equalsIgnoreCase(uri.getScheme());
            return new Target(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6334, tls);
        }
    }

    /** The metadata langchain4j writes as the point's payload (next to the text). */
    public static Metadata metadata(StoredMemory m) {
        Map<String, Object> map = new HashMap<>();
        map.put(OWNER, m.ownerId());
        map.put(KIND, m.kind());
        map.put(IMPORTANCE, m.importance());
        map.put(CREATED, m.createdAt());
        map.put(LAST_ACCESS, m.lastAccessAt());
        map.put(VISIBILITY, m.visibility().name());
        if (m.subjectId() != null) {
            map.put(SUBJECT, m.subjectId());
        }
        if (m.provenance() != null) {
            map.put(PROVENANCE, ProvenanceJson.write(m.provenance()));
        }
        if (!m.evidence().isEmpty()) {
            map.put(EVIDENCE, String.join(",", m.evidence()));
        }
        return Metadata.from(map);
    }

    /** A memory from a langchain4j search match. */
    public static StoredMemory fromMetadata(String id, String text, Metadata md) {
        return new StoredMemory(id, md.getString(OWNER), md.getString(KIND), text,
                md.getLong(IMPORTANCE).intValue(), md.getLong(CREATED), md.getLong(LAST_ACCESS), md.getString(SUBJECT),
                evidence(md.getString(EVIDENCE)), null, visibility(md.getString(VISIBILITY)),
                ProvenanceJson.read(md.getString(PROVENANCE)));
    }

    /** A memory from a raw Qdrant payload (scroll). */
    public static StoredMemory fromPayload(String id, Map<String, JsonWithInt.Value> payload) {
        long created = payload.get(CREATED).getIntegerValue();
        JsonWithInt.Value access = payload.get(LAST_ACCESS);
        return new StoredMemory(id, string(payload, OWNER), string(payload, KIND), string(payload, TEXT),
                (int) payload.get(IMPORTANCE).getIntegerValue(), created,
                access == null ? created : access.getIntegerValue(), string(payload, SUBJECT),
                evidence(string(payload, EVIDENCE)), null, visibility(string(payload, VISIBILITY)),
                ProvenanceJson.read(string(payload, PROVENANCE)));
    }

    /** langchain4j filter: one owner's memories. */
    public static Filter ownerIs(String ownerId) {
        return metadataKey(OWNER).isEqualTo(ownerId);
    }

    /**
     * langchain4j filter: one owner's memories a conversation with player {@code subjectId} may recall (those about
     * the player and the public ones); all the owner's memories when {@code subjectId} is null.
     */
    public static Filter recallable(String ownerId, String subjectId) {
        if (subjectId == null) {
            return ownerIs(ownerId);
        }
        return ownerIs(ownerId).and(subjectIs(subjectId)
                .or(metadataKey(VISIBILITY).isEqualTo(MemoryVisibility.PUBLIC.name())));
    }

    /** langchain4j filter: every memory about one player. */
    public static Filter subjectIs(String subjectId) {
        return metadataKey(SUBJECT).isEqualTo(subjectId);
    }

    /** Native filter on one keyword payload field (count, scroll, facets). */
    public static Common.Filter keyword(String field, String value) {
        return Common.Filter.newBuilder().addMust(matchKeyword(field, value)).build();
    }

    /** The Qdrant point id of a memory id: memory ids are UUIDs, anything else is empty. */
    public static Optional<UUID> pointId(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String string(Map<String, JsonWithInt.Value> payload, String key) {
        JsonWithInt.Value v = payload.get(key);
        return v == null || !v.hasStringValue() ? null : v.getStringValue();
    }

    private static MemoryVisibility visibility(String stored) {
        return MemoryVisibility.PUBLIC.name().equals(stored) ? MemoryVisibility.PUBLIC : MemoryVisibility.PRIVATE;
    }

    private static List<String> evidence(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}

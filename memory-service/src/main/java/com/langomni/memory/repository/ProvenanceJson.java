package com.langomni.memory.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryProvenance;

/**
 * A memory's provenance as one JSON string, the form both stores keep it in (a Lucene stored field, a Qdrant payload
 * key): nothing filters on its parts. A missing or unreadable value is no provenance, never a failed read.
 */
public final class ProvenanceJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProvenanceJson() {
    }

    public static String write(MemoryProvenance provenance) {
        try {
            return JSON.writeValueAsString(provenance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provenance is always serialisable", e);
        }
    }

    /** Null for null, blank or unreadable text (a record stored before the field existed has none). */
    public static MemoryProvenance read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, MemoryProvenance.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

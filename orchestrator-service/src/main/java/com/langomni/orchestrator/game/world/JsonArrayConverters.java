package com.langomni.orchestrator.game.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON columns written as text and cast in SQL.
 * The cast goes through text ({@code cast(cast(? as text) as jsonb)}): with a bare {@code cast(? as jsonb)}
 * PostgreSQL types the parameter as jsonb and the Vert.x client would store the text as a JSON string. Hibernate Reactive binds JSON only as objects, so arrays of ids travel as text
 * and are cast to/from jsonb in SQL ({@code @ColumnTransformer} on the attribute).
 */
public final class JsonArrayConverters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private JsonArrayConverters() {
    }

    /** Same mapping Hibernate uses for JSON columns (plain Jackson, no REST customisation). */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    public static List<String> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON array of strings: " + json, e);
        }
    }

    /** A list of ids, order kept (an inventory, the items on the ground). */
    @Converter
    public static class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return read(json);
        }
    }

    /** A set of ids (unlocked exits). */
    @Converter
    public static class StringSet implements AttributeConverter<Set<String>, String> {
        @Override
        public String convertToDatabaseColumn(Set<String> value) {
            return write(value == null ? List.of() : value.stream().sorted().toList());
        }

        @Override
        public Set<String> convertToEntityAttribute(String json) {
            return new LinkedHashSet<>(read(json));
        }
    }
}

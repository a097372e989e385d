package com.langomni.memory.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryVisibility;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * One JSON object per write-ahead-log line, each with its sequence number. Vectors are base64 of
 * little-endian float32 (2 KB a line for 384 dims instead of ~4 KB of decimal text). Operations: {@code put}
 * a memory, {@code delete-owner}, {@code delete-subject}, {@code delete-id} (one memory) and {@code touch} (last-access time of some memories).
 * Every operation is idempotent, so replaying a line the index already holds is harmless.
 */
final class WalCodec {

    static final String PUT = "put";
    static final String DELETE_OWNER = "delete-owner";
    static final String DELETE_SUBJECT = "delete-subject";
    static final String DELETE_ID = "delete-id";
    static final String TOUCH = "touch";

    private final ObjectMapper json = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The wire form of a line; fields unused by an operation are null. */
    record Line(Long seq, String op, String id, String owner, String kind, String text, Integer importance,
                Long createdAt, Long lastAccessAt, String subject, List<String> evidence, String vector,
                List<String> ids, Long at, MemoryVisibility visibility, MemoryProvenance provenance) {

        Line(Long seq, String op, String id, String owner, String kind, String text, Integer importance,
             Long createdAt, Long lastAccessAt, String subject, List<String> evidence, String vector,
             List<String> ids, Long at, MemoryVisibility visibility) {
            this(seq, op, id, owner, kind, text, importance, createdAt, lastAccessAt, subject, evidence, vector, ids,
                    at, visibility, null);
        }

        Line(Long seq, String op, String id, String owner, String kind, String text, Integer importance,
             Long createdAt, Long lastAccessAt, String subject, List<String> evidence, String vector,
             List<String> ids, Long at) {
            this(seq, op, id, owner, kind, text, importance, createdAt, lastAccessAt, subject, evidence, vector, ids,
                    at, null);
        }
    }

    String put(long seq, StoredMemory m) {
        return write(new Line(seq, PUT, m.id(), m.ownerId(), m.kind(), m.text(), m.importance(), m.createdAt(),
                m.lastAccessAt(), m.subjectId(), m.evidence().isEmpty() ? null : m.evidence(), encode(m.vector()),
                null, null, m.visibility(), m.provenance()));
    }

    String deleteOwner(long seq, String ownerId) {
        return write(new Line(seq, DELETE_OWNER, null, ownerId, null, null, null, null, null, null, null, null, null,
                null));
    }

    String deleteSubject(long seq, String subjectId) {
        return write(new Line(seq, DELETE_SUBJECT, null, null, null, null, null, null, null, subjectId, null, null,
                null, null));
    }

    String deleteId(long seq, String id) {
        return write(new Line(seq, DELETE_ID, id, null, null, null, null, null, null, null, null, null, null, null));
    }

    String touch(long seq, Collection<String> ids, long at) {
        return write(new Line(seq, TOUCH, null, null, null, null, null, null, null, null, null, null,
                List.copyOf(ids), at));
    }

    /** Parses a line; throws {@link IllegalArgumentException} for anything that is not a complete operation. */
    Line parse(String text) {
        Line line;
        try {
            line = json.readValue(text, Line.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unparseable log line: " + e.getOriginalMessage(), e);
        }
        if (line == null || line.seq() == null || line.op() == null) {
            throw new IllegalArgumentException("log line without seq or op");
        }
        boolean complete = switch (line.op()) {
            case PUT -> line.id() != null && line.owner() != null && line.kind() != null && line.text() != null
                    && line.vector() != null && line.importance() != null && line.createdAt() != null
                    && line.lastAccessAt() != null;
            case TOUCH -> line.ids() != null && line.at() != null;
            case DELETE_OWNER -> line.owner() != null;
            case DELETE_SUBJECT -> line.subject() != null;
            case DELETE_ID -> line.id() != null;
            default -> throw new IllegalArgumentException("unknown op " + line.op());
        };
        if (!complete) {
            throw new IllegalArgumentException("incomplete " + line.op() + " line");
        }
        return line;
    }

    StoredMemory memory(Line line) {
        return new StoredMemory(line.id(), line.owner(), line.kind(), line.text(), line.importance(),
                line.createdAt(), line.lastAccessAt(), line.subject(), line.evidence(), decode(line.vector()),
                line.visibility(), line.provenance()); // a line written before these existed: private, no provenance
    }

    private String write(Line line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode log line", e);
        }
    }

    static String encode(float[] vector) {
        ByteBuffer buf = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    static float[] decode(String base64) {
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[buf.remaining() / Float.BYTES];
        buf.asFloatBuffer().get(vector);
        return vector;
    }
}

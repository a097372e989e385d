package com.langomni.memory.service;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.memory.config.MemoryConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation shared by the endpoints; every refusal is an {@link InvalidRequestException} (400). */
@ApplicationScoped
public class Inputs {

    /** Owners are {@code npc:<npcId>} or {@code player:<playerId>}. */
    static final Pattern OWNER = Pattern.compile("(npc|player):\\S{1,128}");
    static final Pattern SUBJECT = Pattern.compile("[^\\s,]{1,128}");
    static final int MAX_EVIDENCE = 100;
    static final int MAX_HOPS = 20;
    static final int MAX_ID = 128;
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1," + MemoryWrite.MAX_KEY_LENGTH + "}");
    static final Set<String> KINDS = Set.of("observation", "conversation", "reflection");

    private final MemoryConfig config;

    public Inputs(MemoryConfig config) {
        this.config = config;
    }

    public <T> T body(T body) {
        if (body == null) {
            throw bad("a JSON body is required");
        }
        return body;
    }

    public String owner(String ownerId) {
        if (ownerId == null || ownerId.isBlank()) {
            throw bad("owner is required");
        }
        if (!OWNER.matcher(ownerId).matches()) {
            throw bad("owner must be npc:<npcId> or player:<playerId>");
        }
        return ownerId;
    }

    /** A non-blank text of at most {@code langomni.memory.max-text-length} characters. */
    public String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw bad(field + " must not be blank");
        }
        if (value.length() > config.maxTextLength()) {
            throw new InvalidRequestException(ErrorCodes.TOO_LARGE,
                    field + " is longer than " + config.maxTextLength() + " characters");
        }
        return value;
    }

    /**
     * A memory's provenance (null: none): hops 0..{@value #MAX_HOPS}, a heard one names its teller, ids at most
     * {@value #MAX_ID} characters, the gist no longer than a text.
     */
    public MemoryProvenance provenance(MemoryProvenance p) {
        if (p == null) {
            return null;
        }
        if (p.source() == null) {
            throw bad("provenance.source must be witnessed, told or heard");
        }
        if (p.hops() < 0 || p.hops() > MAX_HOPS) {
            throw bad("provenance.hops must be 0.." + MAX_HOPS);
        }
        if (p.source() == MemoryProvenance.Source.HEARD && (p.heardFrom() == null || p.heardFrom().isBlank())) {
            throw bad("a heard memory needs provenance.heardFrom");
        }
        for (String id : new String[] {p.heardFrom(), p.locationId(), p.eventId()}) {
            if (id != null && id.length() > MAX_ID) {
                throw bad("provenance ids are at most " + MAX_ID + " characters");
            }
        }
        if (p.gist() != null) {
            text("provenance.gist", p.gist());
        }
        return p;
    }

    /** A player id without prefix (null: none). */
    public String subject(String subjectId) {
        if (subjectId == null) {
            return null;
        }
        if (!SUBJECT.matcher(subjectId).matches()) {
            throw bad("subject must be a player id (1-128 characters, no spaces)");
        }
        return subjectId;
    }

    /** Ids of the memories a reflection rests on; null means none. */
    public List<String> evidence(List<String> evidence) {
        if (evidence == null) {
            return List.of();
        }
        if (evidence.size() > MAX_EVIDENCE) {
            throw bad("at most " + MAX_EVIDENCE + " evidence ids");
        }
        for (String id : evidence) {
            if (id == null || !SUBJECT.matcher(id).matches()) {
                throw bad("evidence ids must be memory ids (1-128 characters, no spaces)");
            }
        }
        return evidence;
    }

    /** An idempotency key (header {@value MemoryWrite#IDEMPOTENCY_KEY}), null when none was sent. */
    public String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw bad(MemoryWrite.IDEMPOTENCY_KEY + " must be 1-" + MemoryWrite.MAX_KEY_LENGTH
                    + " visible ASCII characters");
        }
        return key;
    }

    public String kind(String kind) {
        if (kind == null || !KINDS.contains(kind)) {
            throw bad("kind must be one of observation, conversation, reflection");
        }
        return kind;
    }

    /** Importance 1..10, or null when the service should score it. */
    public Integer importance(Integer importance) {
        if (importance != null && (importance < 1 || importance > 10)) {
            throw bad("importance must be between 1 and 10");
        }
        return importance;
    }

    public Long createdAt(Long createdAt) {
        if (createdAt != null && createdAt < 0) {
            throw bad("createdAt must be epoch millis >= 0");
        }
        return createdAt;
    }

    public int limit(Integer limit, int defaultLimit, int max) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > max) {
            throw bad("limit must be between 1 and " + max);
        }
        return limit;
    }

    /** A limit with no upper bound (more than there is simply returns everything). */
    public int positiveLimit(Integer limit, int defaultLimit) {
        if (limit != null && limit < 1) {
            throw bad("limit must be at least 1");
        }
        return limit == null ? defaultLimit : limit;
    }

    /** A limit given as a query parameter, where a non-number is a 400 rather than JAX-RS's 404. */
    public int limit(String limit, int defaultLimit, int max) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        try {
            return limit(Integer.valueOf(limit.strip()), defaultLimit, max);
        } catch (NumberFormatException e) {
            throw bad("limit must be a number");
        }
    }

    private static InvalidRequestException bad(String message) {
        return new InvalidRequestException(ErrorCodes.BAD_REQUEST, message);
    }
}

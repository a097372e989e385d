package com.langomni.memory.service;

import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryVisibility;
import com.langomni.api.memory.MemorySearch;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.api.narration.TokenUsage;
import com.langomni.memory.config.MemoryConfig;
import com.langomni.memory.domain.MemoryIds;
import com.langomni.memory.domain.RetrievalScorer;
import com.langomni.memory.mapping.MemoryMapper;
import com.langomni.memory.repository.MemoryStore;
import com.langomni.memory.repository.StoreStats;
import com.langomni.memory.repository.StoredMemory;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Writes, retrieves (Generative Agents scoring), lists and deletes an owner's memories. Blocking. */
@ApplicationScoped
public class MemoryService {

    private final MemoryStore store;
    private final EmbeddingService embeddings;
    private final RetrievalScorer scorer;
    private final ImportanceService importance;
    private final ReflectionService reflections;
    private final Inputs inputs;
    private final MemoryMetrics metrics;
    private final MemoryConfig config;
    private final Clock clock;

    public MemoryService(MemoryStore store, EmbeddingService embeddings, RetrievalScorer scorer,
                         ImportanceService importance, ReflectionService reflections, Inputs inputs,
                         MemoryMetrics metrics, MemoryConfig config, Clock clock) {
        this.store = store;
        this.embeddings = embeddings;
        this.scorer = scorer;
        this.importance = importance;
        this.reflections = reflections;
        this.inputs = inputs;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** A write's answer: the memory, and whether it was stored before under the same idempotency key. */
    public record Written(MemoryRecord memory, boolean replayed) {
    }

    /**
     * Stores a memory; the answer's {@code usage} is the LLM tokens its importance rating cost
     * ({@link TokenUsage#NONE} when the writer gave the importance or no LLM was asked), for the writer's
     * per-owner ledger. A reflection the write may start runs later, on its own thread: the tokens reflections cost
     * are reported in {@code reflectionUsage} of the owner's next write answer.
     * <p>
     * With an {@code idempotencyKey} the memory's id is derived from the owner and the key ({@link MemoryIds}): a
     * write of a key this owner already has a memory for stores nothing and answers that memory ({@code replayed},
     * usage {@link TokenUsage#NONE}: it cost nothing), so a writer may retry a write whose answer it lost. The same
     * key with another kind, text, subject or visibility is refused ({@link IdempotencyConflictException}).
     */
    public Written write(MemoryWrite request, String idempotencyKey) {
        long started = System.nanoTime();
        inputs.body(request);
        String owner = inputs.owner(request.ownerId());
        String kind = inputs.kind(request.kind());
        String text = inputs.text("text", request.text());
        Integer given = inputs.importance(request.importance());
        Long createdAt = inputs.createdAt(request.createdAt());
        String subject = inputs.subject(request.subjectId());
        List<String> evidence = inputs.evidence(request.evidence());
        String key = inputs.idempotencyKey(idempotencyKey);
        MemoryVisibility visibility = MemoryVisibility.orPrivate(request.visibility());
        MemoryProvenance provenance = inputs.provenance(request.provenance());

        String id = key == null ? UUID.randomUUID().toString() : MemoryIds.forKey(owner, key);
        if (key != null) {
            Optional<StoredMemory> earlier = store.get(id);
            if (earlier.isPresent()) {
                StoredMemory m = earlier.get();
                if (!m.kind().equals(kind) || !m.text().equals(text) || !Objects.equals(m.subjectId(), subject)
                        || m.visibility() != visibility) {
                    throw new IdempotencyConflictException(key);
                }
                metrics.replayed();
                return new Written(MemoryMapper.toRecord(m, TokenUsage.NONE, reflections.takeUnreported(owner)), true);
            }
        }
        long created = createdAt != null ? createdAt : clock.millis();
        ImportanceService.Score score = given != null ? new ImportanceService.Score(given, TokenUsage.NONE)
                : importance.score(text);
        StoredMemory memory = new StoredMemory(id, owner, kind, text, score.importance(), created, created, subject,
                evidence, embeddings.embed(text), visibility, provenance);
        store.write(memory);
        metrics.written(kind, System.nanoTime() - started);
        reflections.recorded(memory); // asynchronous: never holds up the write
        return new Written(MemoryMapper.toRecord(memory, score.usage(), reflections.takeUnreported(owner)), false);
    }

    /**
     * The owner's best memories for the query, best first; their last-access time becomes now. With a subject (a
     * conversation with that player) only memories about the player and public ones are candidates.
     */
    public List<MemoryHit> search(MemorySearch request) {
        inputs.body(request);
        String owner = inputs.owner(request.ownerId());
        String query = inputs.text("query", request.query());
        String subject = inputs.subject(request.subjectId());
        int limit = inputs.limit(request.limit(), config.search().defaultLimit(), config.search().maxLimit());

        Timer.Sample sample = metrics.startSearch();
        try {
            if (store.count(owner) == 0) {
                return List.of(); // nothing to rank: skip the embedding
            }
            int pool = Math.max(limit, config.search().candidatePool());
            List<RetrievalScorer.Candidate<StoredMemory>> candidates = store
                    .search(owner, subject, embeddings.embed(query), pool).stream()
                    .map(s -> new RetrievalScorer.Candidate<>(s.memory(), s.similarity(), s.memory().lastAccessAt(),
                            s.memory().importance()))
                    .toList();
            long now = clock.millis();
            List<RetrievalScorer.Scored<StoredMemory>> best = scorer.rank(candidates, now, limit);
            store.touch(owner, best.stream().map(s -> s.item().id()).toList(), now);
            return best.stream()
                    .map(s -> new MemoryHit(MemoryMapper.toRecord(s.item().accessedAt(now)), s.score(), s.relevance()))
                    .toList();
        } finally {
            metrics.searchDone(sample);
        }
    }

    public List<MemoryRecord> list(String ownerId, String limit) {
        String owner = inputs.owner(ownerId);
        int n = inputs.limit(limit, config.list().defaultLimit(), config.list().maxLimit());
        return store.list(owner, n).stream().map(MemoryMapper::toRecord).toList();
    }

    public long count(String ownerId) {
        return store.count(inputs.owner(ownerId));
    }

    /** One memory by id, whoever owns it; its last access stays as it was. */
    public MemoryRecord get(String id) {
        return store.get(id).map(MemoryMapper::toRecord).orElseThrow(() -> new MemoryNotFoundException(id));
    }

    /** Deletes one memory by id (a reflection citing it keeps the id as dangling evidence). */
    public void delete(String id) {
        if (!store.delete(id)) {
            throw new MemoryNotFoundException(id);
        }
    }

    public long deleteByOwner(String ownerId) {
        return store.deleteByOwner(inputs.owner(ownerId));
    }

    /** Erases every memory about player {@code subjectId}, whoever owns it. */
    public long deleteBySubject(String subjectId) {
        String subject = inputs.subject(subjectId);
        if (subject == null) {
            throw new InvalidRequestException(com.langomni.api.protocol.ErrorCodes.BAD_REQUEST, "subject is required");
        }
        return store.deleteBySubject(subject);
    }

    public StoreStats stats() {
        return store.stats();
    }

    public String storeName() {
        return store.name();
    }
}

package com.langomni.memory.service;

import com.langomni.api.memory.MemoryText;
import com.langomni.api.memory.MemoryVisibility;
import com.langomni.api.memory.Reflection;
import com.langomni.api.narration.TokenUsage;
import com.langomni.memory.client.LlmReflections;
import com.langomni.memory.client.NpcLlmClient;
import com.langomni.memory.config.MemoryConfig;
import com.langomni.memory.domain.ImportanceHeuristic;
import com.langomni.memory.repository.MemoryStore;
import com.langomni.memory.repository.StoredMemory;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Reflection after Generative Agents: when the importance an NPC accumulated since its last reflection passes
 * {@code langomni.memory.reflection.threshold} (150, the paper's value), its recent memories are sent to
 * npc-llm, and each insight comes back as a {@code reflection} memory linked to its evidence. Runs on its own
 * thread, never inside a write. Nothing is written when npc-llm fails, is slow or has no LLM: the counter is
 * kept and the NPC tries again after {@code retry-after}. Counters live in memory: a restart forgets
 * progress towards the next reflection, never a memory.
 * <p>
 * Containment: reflections are LLM output drawn from players' words, stored for good. Each call sees one scope
 * ({@link #scopes}): one player's private memories (its insights are private to that player), the public ones
 * (public insights), or the NPC's own (private, about no player: recalled for no player). Stored text is one
 * line of at most {@code reflection.max-chars}.
 */
@ApplicationScoped
public class ReflectionService {

    public static final String REFLECTION = "reflection";

    private final MemoryStore store;
    private final EmbeddingService embeddings;
    private final ImportanceHeuristic heuristic;
    private final MemoryConfig.Reflection config;
    private final NpcLlmClient llm;
    private final Clock clock;
    private final MemoryMetrics metrics;
    private final Map<String, Integer> accumulated = new ConcurrentHashMap<>();
    private final Map<String, Long> notBefore = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Tokens reflections cost per owner and not yet reported in one of the owner's write answers. */
    private final Map<String, TokenUsage> unreported = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "memory-reflection");
        t.setDaemon(true);
        return t;
    });

    public ReflectionService(MemoryStore store, EmbeddingService embeddings, ImportanceHeuristic heuristic,
                             NpcLlmClient npcLlm, MemoryConfig config, Clock clock, MemoryMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.embeddings = embeddings;
        this.heuristic = heuristic;
        this.config = config.reflection();
        this.llm = npcLlm;
        this.clock = clock;
    }

    /** Counts a new memory towards its NPC's next reflection, starting one in the background when due. */
    public void recorded(StoredMemory memory) {
        if (!llm.configured() || !memory.ownerId().startsWith("npc:") || REFLECTION.equals(memory.kind())) {
            return; // reflections do not feed further reflections
        }
        String owner = memory.ownerId();
        int sum = accumulated.merge(owner, memory.importance(), Integer::sum);
        if (sum >= config.threshold() && clock.millis() >= notBefore.getOrDefault(owner, 0L) && running.add(owner)) {
            worker.execute(() -> {
                try {
                    reflect(owner, sum);
                } catch (RuntimeException e) {
                    Log.warnf("Reflection for %s failed: %s", owner, e.getMessage());
                    notBefore.put(owner, clock.millis() + config.retryAfter().toMillis());
                } finally {
                    running.remove(owner);
                }
            });
        }
    }

    /**
     * The tokens {@code ownerId}'s reflections cost since this was last asked, and forgets them: the write answer
     * reports them so the writer can meter them for the owner (null when none). A restart forgets unreported
     * tokens; npc-llm-service's Prometheus meters still have them.
     */
    public TokenUsage takeUnreported(String ownerId) {
        return unreported.remove(ownerId);
    }

    private void owe(String owner, TokenUsage usage) {
        if (usage.promptTokens() > 0 || usage.completionTokens() > 0) {
            unreported.merge(owner, usage, (a, b) -> new TokenUsage(a.promptTokens() + b.promptTokens(),
                    a.completionTokens() + b.completionTokens()));
        }
    }

    /** Whether a reflection of {@code ownerId} is under way (a write meanwhile starts none: tests wait on it). */
    public boolean reflecting(String ownerId) {
        return running.contains(ownerId);
    }

    /** Importance accumulated by {@code ownerId} since its last reflection (admin, tests). */
    public int accumulated(String ownerId) {
        return accumulated.getOrDefault(ownerId, 0);
    }

    private void reflect(String owner, int sum) {
        List<StoredMemory> recent = store.list(owner, config.memories());
        int written = 0;
        for (List<StoredMemory> scope : scopes(recent, config.maxScopes())) {
            written += reflectOn(owner, scope);
        }
        if (written == 0) {
            notBefore.put(owner, clock.millis() + config.retryAfter().toMillis());
            return;
        }
        accumulated.merge(owner, -sum, Integer::sum);
        notBefore.remove(owner);
        Log.infof("Reflection for %s: %d insights from %d memories", owner, written, recent.size());
    }

    /**
     * The memories split by who may recall them: each player's private ones, the public ones, and the private ones
     * about no player (the NPC's own); the biggest {@code max} groups, each in the order given. One reflection call
     * sees one group only, so its insights can hold no words from outside it and take its visibility.
     */
    static List<List<StoredMemory>> scopes(List<StoredMemory> memories, int max) {
        Map<String, List<StoredMemory>> groups = new LinkedHashMap<>();
        for (StoredMemory m : memories) {
            String scope = m.isPublic() ? "public" : "private:" + (m.subjectId() == null ? "" : m.subjectId());
            groups.computeIfAbsent(scope, k -> new ArrayList<>()).add(m);
        }
        return groups.values().stream()
                .sorted(Comparator.comparingInt((List<StoredMemory> g) -> g.size()).reversed())
                .limit(max)
                .toList();
    }

    /** Reflects on one scope's memories; returns how many insights were stored. */
    private int reflectOn(String owner, List<StoredMemory> scope) {
        Map<String, StoredMemory> byId = scope.stream().collect(Collectors.toMap(StoredMemory::id, m -> m));
        List<MemoryText> offered = scope.stream().map(m -> new MemoryText(m.id(), m.text())).toList();
        // this thread waits; the client's deadline (reflection.timeout) and fallback bound the wait, never failing
        LlmReflections answer = llm.reflect(owner, offered).await().indefinitely();
        owe(owner, answer.usage());
        List<Reflection> insights = answer.reflections().stream()
                .filter(r -> r.text() != null && !bounded(r.text()).isEmpty())
                .toList();
        if (insights.isEmpty()) {
            return 0;
        }
        List<String> texts = insights.stream().map(r -> bounded(r.text())).toList();
        List<float[]> vectors = embeddings.embedAll(texts);
        boolean shared = scope.get(0).isPublic();
        long now = clock.millis();
        for (int i = 0; i < insights.size(); i++) {
            Reflection r = insights.get(i);
            List<String> evidence = r.evidence() == null ? List.of()
                    : r.evidence().stream().filter(byId::containsKey).distinct().toList();
            int importance = r.importance() >= 1 && r.importance() <= 10
                    ? r.importance() : heuristic.score(texts.get(i));
            // a private scope's insight belongs to its player whatever the model cited; a public one is about the
            // player its evidence names, if only one (so erasing that player erases it)
            String subject = shared ? subject(evidence, byId) : scope.get(0).subjectId();
            store.write(new StoredMemory(UUID.randomUUID().toString(), owner, REFLECTION, texts.get(i), importance,
                    now, now, subject, evidence, vectors.get(i),
                    shared ? MemoryVisibility.PUBLIC : MemoryVisibility.PRIVATE));
            metrics.stored(REFLECTION);
        }
        return insights.size();
    }

    /**
     * An insight as stored: one line (every control, separator and line break one space; invisible format
     * characters gone), at most {@code reflection.max-chars} (LLM output, kept for good).
     */
    String bounded(String text) {
        String flat = text.replaceAll("\\p{Cf}+", "").replaceAll("[\\p{Cc}\\p{Z}\\s]+", " ").strip();
        int max = config.maxChars();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
    }

    /**
     * The player a reflection is about when all its evidence is about that one player, so that erasing the
     * player erases the insight too; null otherwise.
     */
    static String subject(List<String> evidence, Map<String, StoredMemory> byId) {
        List<String> subjects = new ArrayList<>();
        for (String id : evidence) {
            String s = byId.get(id).subjectId();
            if (s == null) {
                return null;
            }
            if (!subjects.contains(s)) {
                subjects.add(s);
            }
        }
        return subjects.size() == 1 ? subjects.get(0) : null;
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}

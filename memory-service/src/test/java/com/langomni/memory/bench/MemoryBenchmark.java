package com.langomni.memory.bench;

import com.langomni.memory.domain.RetrievalScorer;
import com.langomni.memory.domain.ScoringParams;
import com.langomni.memory.domain.Vectors;
import com.langomni.memory.repository.EmbeddedMemoryStore;
import com.langomni.memory.repository.EmbeddedStoreOptions;
import com.langomni.memory.repository.SimilarMemory;
import com.langomni.memory.repository.StoredMemory;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Embedded store benchmark (not a test): {@code ./mvnw -B -o -pl memory-service verify -Pbench}; writes
 * target/bench/memory.md.
 * <p>
 * Two layouts: one NPC holding every memory, and memories spread over 1,000 owners (100 each at 100k). Each
 * is filled to 10k, measured, filled to 100k, measured. Search = embed the query with all-MiniLM-L6-v2 +
 * filtered HNSW search of 200 candidates + Generative Agents scoring + last-access update, as the service does.
 * Write throughput is measured twice: end to end (embedding + fsync'd write, 8 writers) on a sample, and
 * store-only (pre-computed vectors, fsync'd, 8 writers) for the bulk fill, since embedding 200k texts alone
 * would take ~10 minutes on this machine: fill vectors are 2,000 real sentence embeddings plus small noise.
 */
class MemoryBenchmark {

    private static final int WRITERS = 8;
    private static final int SEARCHES = 500;
    private static final int POOL = 200;
    private static final String[] SUBJECTS = {"the blacksmith", "a traveller", "the miller's daughter", "a wolf",
            "the captain of the guard", "a thief", "the old priest", "a merchant from the coast"};
    private static final String[] VERBS = {"gave me", "stole", "asked about", "told me a story about", "fought over",
            "promised to bring", "laughed at", "sold me"};
    private static final String[] THINGS = {"an iron ingot", "a loaf of bread", "the northern road", "a silver ring",
            "the harvest festival", "a rusty sword", "my sister Mira", "the haunted mill", "a map of the caves",
            "the price of wheat"};

    @TempDir
    Path dir;

    private final Random random = new Random(7);
    private final StringBuilder report = new StringBuilder();

    @Test
    void run() throws Exception {
        assumeTrue(Boolean.getBoolean("langomni.bench"), "benchmark: run with -Pbench");
        AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        model.embed("warm up");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            texts.add(sentence());
        }
        long t0 = System.nanoTime();
        List<float[]> base = model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).map(Vectors::normalize).toList();
        double embedPerText = (System.nanoTime() - t0) / 1e6 / texts.size();

        report.append("# memory-service embedded store benchmark\n\n")
                .append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, Lucene 9.12.3 HNSW (M=16, beam 100),"
                                + " fsync on. Batch embedding (all-MiniLM-L6-v2): %.2f ms/text.%n%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), embedPerText))
                .append("| layout | memories | store-only write/s (8 writers, fsync) | end-to-end write/s (embed + write)"
                        + " | search/s (1 thread) | search p50 ms | search p99 ms |\n")
                .append("|---|---|---|---|---|---|---|\n");

        layout("one owner", 1, model, texts, base);
        layout("1,000 owners", 1_000, model, texts, base);

        report.append("\nSearch = query embedding + HNSW top-200 filtered on the owner + Generative Agents re-ranking"
                + " + last-access update (the service's path without HTTP). Queries are fresh sentences (not cached)."
                + " Fill vectors: 2,000 real embeddings + noise (see the class comment).\n");
        Path out = Path.of("target", "bench", "memory.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private void layout(String name, int owners, AllMiniLmL6V2EmbeddingModel model, List<String> texts,
                        List<float[]> base) throws Exception {
        Path storeDir = dir.resolve(name.replaceAll("\\W", ""));
        try (EmbeddedMemoryStore store = EmbeddedMemoryStore.open(storeDir, EmbeddedStoreOptions.DEFAULT)) {
            int filled = 0;
            for (int target : new int[] {10_000, 100_000}) {
                double storeOnly = fill(store, owners, filled, target, texts, base);
                filled = target;
                double endToEnd = endToEnd(store, owners, model, 400);
                filled += 400;
                double[] search = search(store, owners, model);
                report.append(String.format(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f | %.2f | %.2f |%n", name,
                        target, storeOnly, endToEnd, search[0], search[1], search[2]));
            }
        }
    }

    private double fill(EmbeddedMemoryStore store, int owners, int from, int to, List<String> texts,
                        List<float[]> base) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        long started = System.nanoTime();
        runWriters(() -> {
            Random r = new Random(Thread.currentThread().getId());
            for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                int k = i % base.size();
                store.write(memory("npc:bench-" + (i % owners), texts.get(k), noisy(base.get(k), r)));
            }
        });
        return (to - from) / ((System.nanoTime() - started) / 1e9);
    }

    private double endToEnd(EmbeddedMemoryStore store, int owners, AllMiniLmL6V2EmbeddingModel model, int n)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        runWriters(() -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                String text = sentence() + " #" + i;
                store.write(memory("npc:bench-" + (i % owners), text,
                        Vectors.normalize(model.embed(text).content().vector())));
            }
        });
        return n / ((System.nanoTime() - started) / 1e9);
    }

    private double[] search(EmbeddedMemoryStore store, int owners, AllMiniLmL6V2EmbeddingModel model) {
        RetrievalScorer scorer = new RetrievalScorer(ScoringParams.DEFAULT);
        double[] latencies = new double[SEARCHES];
        for (int i = -50; i < SEARCHES; i++) { // 50 warm-up searches
            String owner = "npc:bench-" + random.nextInt(owners);
            String query = "what do you know about " + THINGS[random.nextInt(THINGS.length)] + " " + i;
            long started = System.nanoTime();
            float[] q = Vectors.normalize(model.embed(query).content().vector());
            List<SimilarMemory> hits = store.search(owner, q, POOL);
            long now = System.currentTimeMillis();
            List<RetrievalScorer.Scored<StoredMemory>> best = scorer.rank(hits.stream()
                    .map(h -> new RetrievalScorer.Candidate<>(h.memory(), h.similarity(), h.memory().lastAccessAt(),
                            h.memory().importance())).toList(), now, 5);
            store.touch(owner, best.stream().map(s -> s.item().id()).toList(), now);
            if (i >= 0) {
                latencies[i] = (System.nanoTime() - started) / 1e6;
            }
        }
        double total = Arrays.stream(latencies).sum();
        Arrays.sort(latencies);
        return new double[] {SEARCHES / (total / 1000), latencies[SEARCHES / 2], latencies[(int) (SEARCHES * 0.99)]};
    }

    private static void runWriters(Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            futures.add(pool.submit(work));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private StoredMemory memory(String owner, String text, float[] vector) {
        long now = System.currentTimeMillis() - (long) random.nextInt(30 * 24 * 3_600) * 1_000L;
        return new StoredMemory(UUID.randomUUID().toString(), owner, "observation", text, 1 + random.nextInt(10), now,
                now, null, List.of(), vector);
    }

    private synchronized String sentence() {
        return SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + VERBS[random.nextInt(VERBS.length)] + " "
                + THINGS[random.nextInt(THINGS.length)] + " near " + THINGS[random.nextInt(THINGS.length)];
    }

    private static float[] noisy(float[] v, Random r) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += 0.03f * (float) r.nextGaussian();
        }
        return Vectors.normalize(out);
    }
}

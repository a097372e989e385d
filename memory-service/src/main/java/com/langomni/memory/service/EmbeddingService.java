package com.langomni.memory.service;

import com.langomni.memory.client.OpenAiEmbeddingsClient;
import com.langomni.memory.config.MemoryConfig;
import com.langomni.memory.domain.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (384 dims) in-process through langchain4j's ONNX runtime, loaded once at startup; or,
 * when {@code langomni.memory.embedding.url} (EMBEDDINGS_URL) is set, a remote OpenAI-compatible
 * /v1/embeddings in batches of {@code batch-size}. Embedding blocks: call it from a worker thread, never the
 * event loop. A local batch is spread over a dedicated pool; a single text runs on the caller's thread.
 * Vectors come back unit-length.
 */
@ApplicationScoped
public class EmbeddingService {

    private final ExecutorService batchPool;
    /** Null unless EMBEDDINGS_URL is set. */
    private final OpenAiEmbeddingsClient remote;
    private final Duration remoteTimeout;
    private final int dimension;
    private final int batchSize;
    private volatile AllMiniLmL6V2EmbeddingModel model;

    public EmbeddingService(MemoryConfig config, OpenAiEmbeddingsClient remote) {
        MemoryConfig.Embedding e = config.embedding();
        this.dimension = e.dimension();
        this.batchSize = Math.max(1, e.batchSize());
        this.remote = remote.configured() ? remote : null;
        this.remoteTimeout = e.timeout();
        int threads = config.embedding().threads().orElse(Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        this.batchPool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "embedding-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void onStart(@Observes StartupEvent event) {
        if (remote != null) {
            Log.infof("Embeddings from %s (%d dims expected)", remote.uri(), dimension);
            return; // the in-process model is not loaded at all
        }
        long started = System.nanoTime();
        AllMiniLmL6V2EmbeddingModel loaded = new AllMiniLmL6V2EmbeddingModel(batchPool);
        loaded.embed("warm up"); // the first inference initialises the ONNX session's buffers
        model = loaded;
        // Loading copies the 90 MB ONNX file through several byte arrays, leaving ~400 MB of committed heap
        // that is mostly garbage; one full collection now returns it to the OS (measured: RSS 650 -> 320 MB).
        System.gc();
        Log.infof("Embedding model all-MiniLM-L6-v2 (%d dims) loaded in %d ms", loaded.dimension(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public boolean isReady() {
        return remote != null || model != null;
    }

    public int dimension() {
        return remote != null ? dimension : ready().dimension();
    }

    /** {@code all-MiniLM-L6-v2} or the remote endpoint. */
    public String source() {
        return remote != null ? remote.uri().toString() : "all-MiniLM-L6-v2";
    }

    public float[] embed(String text) {
        requireWorkerThread();
        if (remote != null) {
            return embedRemote(List.of(text)).get(0);
        }
        return Vectors.normalize(ready().embed(text).content().vector());
    }

    /** Embeds several texts in one parallel batch (remote: in requests of batch-size); input order. */
    public List<float[]> embedAll(List<String> texts) {
        requireWorkerThread();
        if (texts.isEmpty()) {
            return List.of();
        }
        if (remote != null) {
            return embedRemote(texts);
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return ready().embedAll(segments).content().stream()
                .map(Embedding::vector)
                .map(Vectors::normalize)
                .toList();
    }

    private List<float[]> embedRemote(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            List<float[]> vectors;
            try {
                vectors = remote.embed(batch).await().indefinitely(); // the client's deadline bounds the wait
            } catch (RuntimeException e) {
                throw new EmbeddingUnavailableException("the embeddings server failed: " + describe(e));
            }
            for (float[] v : vectors) {
                if (v == null || v.length != dimension) {
                    throw new EmbeddingUnavailableException("the embeddings server returned "
                            + (v == null ? 0 : v.length) + " dimensions, expected " + dimension);
                }
                out.add(Vectors.normalize(v));
            }
        }
        return out;
    }

    private String describe(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return remote.uri() + " answered " + w.getResponse().getStatus();
        }
        if (e instanceof TimeoutException) {
            return remote.uri() + " did not answer within " + remoteTimeout.toMillis() + " ms";
        }
        return e.getMessage(); // connection refused, unreadable or short answer: the cause says which
    }

    private static void requireWorkerThread() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new IllegalStateException("embedding blocks for milliseconds: call it from a worker thread");
        }
    }

    private AllMiniLmL6V2EmbeddingModel ready() {
        AllMiniLmL6V2EmbeddingModel current = model;
        if (current == null) {
            throw new ModelNotReadyException();
        }
        return current;
    }

    @PreDestroy
    void shutdown() {
        batchPool.shutdownNow();
    }
}

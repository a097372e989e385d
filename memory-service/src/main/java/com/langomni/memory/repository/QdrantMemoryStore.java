package com.langomni.memory.repository;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.quarkus.logging.Log;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.Points;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Memories in a Qdrant collection: writes, searches and filtered deletions through langchain4j's
 * {@link QdrantEmbeddingStore}; collection setup, counts, listings, facets and last-access updates through the
 * Qdrant client it wraps (langchain4j's store has no such operations). Point ids are the memory UUIDs.
 * A deletion counts then deletes: not atomic with concurrent writes to the same owner (the count may be off).
 */
public final class QdrantMemoryStore implements MemoryStore, AutoCloseable {

    /** Distinct owners counted by the stats facet; beyond it the count is a lower bound. */
    static final int MAX_OWNER_FACET = 100_000;

    private final QdrantClient client;
    private final QdrantEmbeddingStore store;
    private final String collection;
    private final Duration timeout;
    private volatile boolean open;

    QdrantMemoryStore(QdrantClient client, String collection, Duration timeout) {
        this.client = client;
        this.collection = collection;
        this.timeout = timeout;
        this.store = new QdrantEmbeddingStore(client, collection, QdrantPayloads.TEXT);
    }

    /** Connects and makes sure the collection and its payload indexes exist. */
    public static QdrantMemoryStore connect(String url, String apiKey, String collection, int dimension,
                                            Duration timeout) {
        QdrantPayloads.Target target = QdrantPayloads.Target.parse(url);
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(target.host(), target.port(), target.tls())
                .withTimeout(timeout);
        if (apiKey != null && !apiKey.isBlank()) {
            grpc.withApiKey(apiKey);
        }
        QdrantMemoryStore qdrant = new QdrantMemoryStore(new QdrantClient(grpc.build()), collection, timeout);
        qdrant.ensureCollection(dimension);
        qdrant.open = true;
        Log.infof("Qdrant memory store: collection %s at %s:%d", collection, target.host(), target.port());
        return qdrant;
    }

    void ensureCollection(int dimension) {
        if (!await(client.collectionExistsAsync(collection, timeout))) {
            await(client.createCollectionAsync(collection, Collections.VectorParams.newBuilder()
                    .setSize(dimension).setDistance(Collections.Distance.Cosine).build(), timeout));
        }
        // Creating an index that exists is a no-op in Qdrant, so this also upgrades older collections.
        for (String keyword : List.of(QdrantPayloads.OWNER, QdrantPayloads.KIND, QdrantPayloads.SUBJECT,
                QdrantPayloads.VISIBILITY)) {
            await(client.createPayloadIndexAsync(collection, keyword, Collections.PayloadSchemaType.Keyword, null,
                    true, null, timeout));
        }
        await(client.createPayloadIndexAsync(collection, QdrantPayloads.CREATED,
                Collections.PayloadSchemaType.Integer, null, true, null, timeout));
    }

    @Override
    public String name() {
        return "qdrant";
    }

    @Override
    public void write(StoredMemory m) {
        call(() -> {
            store.addAll(List.of(m.id()), List.of(Embedding.from(m.vector())),
                    List.of(TextSegment.from(m.text(), QdrantPayloads.metadata(m))));
            return null;
        });
    }

    @Override
    public List<SimilarMemory> search(String ownerId, String subjectId, float[] vector, int k) {
        return call(() -> {
            List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                    .queryEmbedding(Embedding.from(vector))
                    .maxResults(k)
                    .minScore(0.0)
                    .filter(QdrantPayloads.recallable(ownerId, subjectId))
                    .build()).matches();
            List<SimilarMemory> out = new ArrayList<>(matches.size());
            for (EmbeddingMatch<TextSegment> match : matches) {
                // langchain4j reports (1 + cos) / 2
                out.add(new SimilarMemory(QdrantPayloads.fromMetadata(match.embeddingId(), match.embedded().text(),
                        match.embedded().metadata()), 2 * match.score() - 1));
            }
            return out;
        });
    }

    @Override
    public List<StoredMemory> list(String ownerId, int limit) {
        Points.ScrollResponse response = await(client.scrollAsync(Points.ScrollPoints.newBuilder()
                .setCollectionName(collection)
                .setFilter(QdrantPayloads.keyword(QdrantPayloads.OWNER, ownerId))
                .setLimit(limit)
                .setWithPayload(WithPayloadSelectorFactory.enable(true))
                .setOrderBy(Points.OrderBy.newBuilder().setKey(QdrantPayloads.CREATED)
                        .setDirection(Points.Direction.Desc))
                .build(), timeout));
        return response.getResultList().stream()
                .map(p -> QdrantPayloads.fromPayload(p.getId().getUuid(), p.getPayloadMap()))
                .toList();
    }

    @Override
    public long count(String ownerId) {
        return await(client.countAsync(collection, QdrantPayloads.keyword(QdrantPayloads.OWNER, ownerId), true,
                timeout));
    }

    @Override
    public Optional<StoredMemory> get(String id) {
        Optional<UUID> uuid = QdrantPayloads.pointId(id);
        if (uuid.isEmpty()) {
            return Optional.empty(); // every point id is a UUID: anything else names no memory
        }
        List<Points.RetrievedPoint> points = await(client.retrieveAsync(Points.GetPoints.newBuilder()
                .setCollectionName(collection)
                .addIds(PointIdFactory.id(uuid.get()))
                .setWithPayload(WithPayloadSelectorFactory.enable(true))
                .setWithVectors(WithVectorsSelectorFactory.enable(false))
                .build(), timeout));
        return points.stream().findFirst()
                .map(p -> QdrantPayloads.fromPayload(p.getId().getUuid(), p.getPayloadMap()));
    }

    @Override
    public boolean delete(String id) {
        if (get(id).isEmpty()) {
            return false;
        }
        await(client.deleteAsync(collection, List.of(PointIdFactory.id(UUID.fromString(id))), timeout));
        return true;
    }

    @Override
    public long deleteByOwner(String ownerId) {
        return deleteWhere(QdrantPayloads.OWNER, ownerId, () -> store.removeAll(QdrantPayloads.ownerIs(ownerId)));
    }

    @Override
    public long deleteBySubject(String subjectId) {
        return deleteWhere(QdrantPayloads.SUBJECT, subjectId,
                () -> store.removeAll(QdrantPayloads.subjectIs(subjectId)));
    }

    @Override
    public void touch(String ownerId, Collection<String> ids, long at) {
        if (ids.isEmpty()) {
            return;
        }
        List<Common.PointId> points = ids.stream().map(id -> PointIdFactory.id(UUID.fromString(id))).toList();
        // wait=false: an access time need not hold up the search that caused it
        client.setPayloadAsync(collection, Map.of(QdrantPayloads.LAST_ACCESS, ValueFactory.value(at)), points,
                false, null, timeout);
    }

    @Override
    public long size() {
        return open ? await(client.countAsync(collection, timeout)) : 0;
    }

    @Override
    public StoreStats stats() {
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (String kind : KINDS) {
            kinds.put(kind, await(client.countAsync(collection, QdrantPayloads.keyword(QdrantPayloads.KIND, kind),
                    true, timeout)));
        }
        List<Points.FacetHit> owners = await(client.facetAsync(Points.FacetCounts.newBuilder()
                .setCollectionName(collection).setKey(QdrantPayloads.OWNER).setLimit(MAX_OWNER_FACET)
                .setExact(true).build(), timeout));
        return new StoreStats(size(), owners.size(), kinds);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        try {
            client.close();
        } catch (RuntimeException e) {
            Log.warnf("Qdrant client close failed: %s", e.getMessage());
        }
    }

    private long deleteWhere(String field, String value, Runnable delete) {
        long n = count(field, value);
        if (n > 0) {
            call(() -> {
                delete.run();
                return null;
            });
        }
        return n;
    }

    private long count(String field, String value) {
        return await(client.countAsync(collection, QdrantPayloads.keyword(field, value), true, timeout));
    }

    private <T> T await(Future<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for Qdrant");
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Qdrant failed: " + e);
        }
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Qdrant failed: " + e.getMessage());
        }
    }
}

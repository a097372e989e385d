package com.langomni.memory.repository;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryVisibility;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.JsonWithInt;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QdrantPayloadsTest {

    private final StoredMemory memory = new StoredMemory("6f1c2a9e-1111-4a2b-9c3d-000000000001", "npc:smith",
            "reflection", "He keeps his word", 7, 1_000L, 2_000L, "p1", List.of("e1", "e2"), new float[] {1, 0});

    @Test
    void metadataCarriesEveryFieldAsAFlatPayloadKey() {
        Metadata md = QdrantPayloads.metadata(memory);
        assertEquals("npc:smith", md.getString("owner"));
        assertEquals("reflection", md.getString("kind"));
        assertEquals("p1", md.getString("subject"));
        assertEquals(7, md.getInteger("importance"));
        assertEquals(1_000L, md.getLong("createdAt"));
        assertEquals(2_000L, md.getLong("lastAccessAt"));
        assertEquals("e1,e2", md.getString("evidence"));
        assertFalse(md.containsKey("text"), "the text goes under langchain4j's text key, not the metadata");
    }

    @Test
    void theRecallFilterKeepsThePlayersAndThePublicMemoriesOfTheOwner() {
        StoredMemory annPrivate = memory;
        StoredMemory annPublic = MemoryStoreContract.withVisibility(memory, MemoryVisibility.PUBLIC);
        StoredMemory bobPrivate = new StoredMemory("id2", "npc:smith", "conversation", "Bob's words", 3, 1, 1, "p2",
                List.of(), null);
        StoredMemory elsewhere = new StoredMemory("id3", "npc:other", "observation", "seen", 3, 1, 1, "p1",
                List.of(), null, MemoryVisibility.PUBLIC);
        var forBob = QdrantPayloads.recallable("npc:smith", "p2");
        assertTrue(forBob.test(QdrantPayloads.metadata(bobPrivate)));
        assertTrue(forBob.test(QdrantPayloads.metadata(annPublic)));
        assertFalse(forBob.test(QdrantPayloads.metadata(annPrivate)), "Ann's private memory is not Bob's to recall");
        assertFalse(forBob.test(QdrantPayloads.metadata(elsewhere)), "another owner's");
        Map<String, Object> older = new HashMap<>(QdrantPayloads.metadata(annPublic).toMap());
        older.remove(QdrantPayloads.VISIBILITY); // a point written before the key existed: private
        assertFalse(forBob.test(Metadata.from(older)));
        assertEquals(MemoryVisibility.PRIVATE,
                QdrantPayloads.fromMetadata("id", "t", Metadata.from(older)).visibility());
        assertTrue(QdrantPayloads.recallable("npc:smith", null).test(QdrantPayloads.metadata(annPrivate)));
    }

    @Test
    void onlyAUuidIsAPointId() {
        assertEquals(java.util.UUID.fromString(memory.id()), QdrantPayloads.pointId(memory.id()).orElseThrow());
        assertTrue(QdrantPayloads.pointId("not-a-uuid").isEmpty());
        assertTrue(QdrantPayloads.pointId(null).isEmpty());
        assertTrue(QdrantPayloads.pointId("6f1c2a9e-1111-4a2b-9c3d-00000000000z").isEmpty());
    }

    @Test
    void optionalFieldsAreLeftOut() {
        StoredMemory bare = new StoredMemory("id", "npc:a", "observation", "t", 1, 5, 5, null, List.of(), null);
        Metadata md = QdrantPayloads.metadata(bare);
        assertFalse(md.containsKey("subject"));
        assertFalse(md.containsKey("evidence"));
    }

    @Test
    void metadataRoundTripsAsQdrantReturnsIt() {
        // Qdrant hands integers back as longs: the mapping must not depend on the written Java type.
        Map<String, Object> returned = new HashMap<>(QdrantPayloads.metadata(memory).toMap());
        returned.put("importance", 7L);
        StoredMemory back = QdrantPayloads.fromMetadata(memory.id(), memory.text(), Metadata.from(returned));
        MemoryStoreContract.assertSame(memory, back);
    }

    @Test
    void rawPayloadsMapBack() {
        Map<String, JsonWithInt.Value> payload = new HashMap<>();
        payload.put("text", ValueFactory.value("He keeps his word"));
        payload.put("owner", ValueFactory.value("npc:smith"));
        payload.put("kind", ValueFactory.value("reflection"));
        payload.put("subject", ValueFactory.value("p1"));
        payload.put("importance", ValueFactory.value(7L));
        payload.put("createdAt", ValueFactory.value(1_000L));
        payload.put("lastAccessAt", ValueFactory.value(2_000L));
        payload.put("evidence", ValueFactory.value("e1,e2"));
        MemoryStoreContract.assertSame(memory, QdrantPayloads.fromPayload(memory.id(), payload));

        payload.remove("subject");
        payload.remove("evidence");
        payload.remove("lastAccessAt");
        StoredMemory sparse = QdrantPayloads.fromPayload(memory.id(), payload);
        assertNull(sparse.subjectId());
        assertEquals(List.of(), sparse.evidence());
        assertEquals(1_000L, sparse.lastAccessAt(), "never accessed: last access is the creation");
    }

    @Test
    void provenanceIsOneJsonPayloadKeyAndAPointWithoutItHasNone() {
        MemoryProvenance heard = new MemoryProvenance(MemoryProvenance.Source.HEARD, "brannoc", 1, "ford", 900L,
                "ev-1", "Ada killed the grey wolf in the Ford.");
        StoredMemory gossip = MemoryStoreContract.withProvenance(memory, MemoryVisibility.PUBLIC, heard);
        Metadata md = QdrantPayloads.metadata(gossip);
        assertTrue(md.getString(QdrantPayloads.PROVENANCE).contains("\"source\":\"heard\""));
        assertEquals(heard, QdrantPayloads.fromMetadata(memory.id(), memory.text(), md).provenance());
        assertFalse(QdrantPayloads.metadata(memory).containsKey(QdrantPayloads.PROVENANCE));

        Map<String, JsonWithInt.Value> payload = new HashMap<>();
        payload.put("text", ValueFactory.value("t"));
        payload.put("owner", ValueFactory.value("npc:smith"));
        payload.put("kind", ValueFactory.value("observation"));
        payload.put("importance", ValueFactory.value(4L));
        payload.put("createdAt", ValueFactory.value(1_000L));
        assertNull(QdrantPayloads.fromPayload("id", payload).provenance(), "a point from before provenance");
        payload.put("provenance", ValueFactory.value(md.getString(QdrantPayloads.PROVENANCE)));
        assertEquals(heard, QdrantPayloads.fromPayload("id", payload).provenance());
        payload.put("provenance", ValueFactory.value("{not json"));
        assertNull(QdrantPayloads.fromPayload("id", payload).provenance(), "unreadable: none, never a failed read");
    }

    @Test
    void filtersSelectOneOwnerOrOneSubject() {
        IsEqualTo owner = (IsEqualTo) QdrantPayloads.ownerIs("npc:smith");
        assertEquals("owner", owner.key());
        assertEquals("npc:smith", owner.comparisonValue());
        IsEqualTo subject = (IsEqualTo) QdrantPayloads.subjectIs("p1");
        assertEquals("subject", subject.key());

        var filter = QdrantPayloads.keyword("kind", "reflection");
        assertEquals(1, filter.getMustCount());
        assertEquals("kind", filter.getMust(0).getField().getKey());
        assertEquals("reflection", filter.getMust(0).getField().getMatch().getKeyword());
    }

    @Test
    void qdrantUrlsParseToAGrpcTarget() {
        assertEquals(new QdrantPayloads.Target("qdrant", 6334, false), QdrantPayloads.Target.parse("http://qdrant:6334"));
        assertEquals(new QdrantPayloads.Target("q.example.com", 6334, true),
                QdrantPayloads.Target.parse("https://q.example.com"));
        assertEquals(new QdrantPayloads.Target("localhost", 7000, false),
                QdrantPayloads.Target.parse(" http://localhost:7000/ "));
        assertThrows(IllegalArgumentException.class, () -> QdrantPayloads.Target.parse("localhost"));
    }
}

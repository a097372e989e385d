package com.langomni.memory.repository;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryVisibility;
import com.langomni.memory.domain.Vectors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link MemoryStore} must have. Subclasses provide a fresh, empty store per test; owners
 * and subjects are random so that a shared server (Qdrant) does not mix tests.
 */
abstract class MemoryStoreContract {

    static final int DIM = 384;
    private final Random random = new Random(42);

    /** The store under test, empty of this test's owners. */
    abstract MemoryStore store();

    @Test
    void writtenMemoriesComeBackWithEveryField() {
        String owner = owner();
        StoredMemory m = memory(owner, "the player gave me a sword", 5, 1_000, "p1", List.of(id(), id()));
        store().write(m);
        List<StoredMemory> listed = store().list(owner, 10);
        assertEquals(1, listed.size());
        assertSame(m, listed.get(0));
        assertEquals(1, store().count(owner));
    }

    @Test
    void aMemoryKeepsItsProvenanceAndOneWithoutHasNone() {
        String owner = owner();
        StoredMemory plain = memory(owner, "the well ran dry", 3, 1_000, null, List.of());
        MemoryProvenance heard = new MemoryProvenance(MemoryProvenance.Source.HEARD, "brannoc", 2, "ford", 900L,
                "ev-1", "Ada killed the grey wolf in the Ford.");
        StoredMemory gossip = withProvenance(memory(owner, "Marta says that Ada killed the grey wolf in the Ford.", 4,
                2_000, "p1", List.of()), MemoryVisibility.PUBLIC, heard);
        store().write(plain);
        store().write(gossip);

        assertEquals(heard, store().get(gossip.id()).orElseThrow().provenance());
        assertEquals(null, store().get(plain.id()).orElseThrow().provenance(), "no provenance: none, not an error");
        assertEquals(heard, store().list(owner, 10).get(0).provenance());
        assertEquals(heard, store().search(owner, "p2", gossip.vector(), 1).get(0).memory().provenance());
        store().touch(owner, List.of(gossip.id()), 5_000);
        assertEquals(heard, store().get(gossip.id()).orElseThrow().provenance(), "an access keeps it");
    }

    static StoredMemory withProvenance(StoredMemory m, MemoryVisibility visibility, MemoryProvenance provenance) {
        return new StoredMemory(m.id(), m.ownerId(), m.kind(), m.text(), m.importance(), m.createdAt(),
                m.lastAccessAt(), m.subjectId(), m.evidence(), m.vector(), visibility, provenance);
    }

    @Test
    void searchIsPerOwnerAndBestFirstWithCosineSimilarity() {
        String owner = owner();
        String other = owner();
        float[] target = randomUnit();
        StoredMemory near = memory(owner, "near", 3, 1_000, null, List.of(), nudge(target, 0.05f));
        StoredMemory far = memory(owner, "far", 3, 2_000, null, List.of(), randomUnit());
        StoredMemory exact = memory(other, "same vector, other owner", 3, 3_000, null, List.of(), target);
        List.of(near, far, exact).forEach(store()::write);

        List<SimilarMemory> hits = store().search(owner, target, 5);
        assertEquals(List.of(near.id(), far.id()), hits.stream().map(h -> h.memory().id()).toList());
        assertEquals(Vectors.dot(target, near.vector()), hits.get(0).similarity(), 1e-3);
        assertTrue(hits.get(0).similarity() > hits.get(1).similarity());
        assertEquals(1, store().search(owner, target, 1).size());
        assertTrue(store().search(owner(), target, 5).isEmpty());
    }

    @Test
    void aSearchForAConversationWithAPlayerSeesOnlyThatPlayersAndPublicMemories() {
        String owner = owner();
        String ann = "ann-" + id();
        String bob = "bob-" + id();
        float[] target = randomUnit();
        StoredMemory annSaid = memory(owner, "Ann told me her secret", 3, 1_000, ann, List.of(), target);
        StoredMemory bobSaid = memory(owner, "Bob asked about swords", 3, 2_000, bob, List.of(), nudge(target, 0.1f));
        StoredMemory seen = withVisibility(memory(owner, "Ann killed the wolf here", 3, 3_000, ann, List.of(),
                nudge(target, 0.2f)), MemoryVisibility.PUBLIC);
        StoredMemory nobodys = memory(owner, "The well ran dry", 3, 4_000, null, List.of(), nudge(target, 0.3f));
        List.of(annSaid, bobSaid, seen, nobodys).forEach(store()::write);

        assertEquals(List.of(bobSaid.id(), seen.id()), ids(store().search(owner, bob, target, 10)),
                "Bob's conversation: his own memory and the public one, never Ann's private words");
        assertEquals(List.of(annSaid.id(), seen.id()), ids(store().search(owner, ann, target, 10)));
        assertEquals(List.of(seen.id()), ids(store().search(owner, "someone-" + id(), target, 10)));
        assertEquals(4, store().search(owner, null, target, 10).size(), "unscoped (admin): every memory");
        assertEquals(MemoryVisibility.PUBLIC, store().get(seen.id()).orElseThrow().visibility());
        assertEquals(MemoryVisibility.PRIVATE, store().get(annSaid.id()).orElseThrow().visibility(),
                "a memory written without a visibility is private");
    }

    private static List<String> ids(List<SimilarMemory> hits) {
        return hits.stream().map(h -> h.memory().id()).toList();
    }

    static StoredMemory withVisibility(StoredMemory m, MemoryVisibility visibility) {
        return new StoredMemory(m.id(), m.ownerId(), m.kind(), m.text(), m.importance(), m.createdAt(),
                m.lastAccessAt(), m.subjectId(), m.evidence(), m.vector(), visibility);
    }

    @Test
    void listIsNewestFirstAndLimited() {
        String owner = owner();
        StoredMemory a = memory(owner, "a", 2, 1_000, null, List.of());
        StoredMemory b = memory(owner, "b", 2, 3_000, null, List.of());
        StoredMemory c = memory(owner, "c", 2, 2_000, null, List.of());
        List.of(a, b, c).forEach(store()::write);
        assertEquals(List.of(b.id(), c.id(), a.id()), store().list(owner, 10).stream().map(StoredMemory::id).toList());
        assertEquals(List.of(b.id(), c.id()), store().list(owner, 2).stream().map(StoredMemory::id).toList());
    }

    @Test
    void deleteByOwnerRemovesOnlyThatOwner() {
        String owner = owner();
        String other = owner();
        store().write(memory(owner, "one", 2, 1, null, List.of()));
        store().write(memory(owner, "two", 2, 2, null, List.of()));
        store().write(memory(other, "three", 2, 3, null, List.of()));
        assertEquals(2, store().deleteByOwner(owner));
        assertEquals(0, store().count(owner));
        assertTrue(store().search(owner, randomUnit(), 5).isEmpty());
        assertEquals(0, store().deleteByOwner(owner));
        assertEquals(1, store().count(other));
    }

    @Test
    void deleteBySubjectRemovesEveryMemoryAboutThePlayerWhoeverOwnsIt() {
        String subject = UUID.randomUUID().toString();
        String npc = owner();
        String player = "player:" + subject;
        store().write(memory(npc, "he insulted me", 4, 1, subject, List.of()));
        store().write(memory(player, "you insulted the smith", 4, 2, subject, List.of()));
        store().write(memory(npc, "about someone else", 4, 3, "someone-else-" + subject, List.of()));
        store().write(memory(npc, "about nobody", 4, 4, null, List.of()));
        assertEquals(2, store().deleteBySubject(subject));
        assertEquals(2, store().count(npc));
        assertEquals(0, store().count(player));
        assertEquals(0, store().deleteBySubject(subject));
    }

    @Test
    void getFindsOneMemoryByIdWhoeverOwnsIt() {
        String owner = owner();
        StoredMemory m = memory(owner, "the player lied to me", 6, 5_000, "p2", List.of(id()));
        store().write(m);
        store().write(memory(owner(), "someone else's", 2, 6_000, null, List.of()));

        assertSame(m, store().get(m.id()).orElseThrow());
        assertTrue(store().get(id()).isEmpty());
        assertTrue(store().get("not-a-uuid").isEmpty());
    }

    @Test
    void deleteByIdRemovesOnlyThatMemory() {
        String owner = owner();
        float[] vector = randomUnit();
        StoredMemory doomed = memory(owner, "forget this", 3, 1_000, null, List.of(), vector);
        StoredMemory kept = memory(owner, "keep this", 3, 2_000, null, List.of());
        store().write(doomed);
        store().write(kept);

        assertTrue(store().delete(doomed.id()));
        assertTrue(store().get(doomed.id()).isEmpty());
        assertEquals(1, store().count(owner));
        assertEquals(List.of(kept.id()), store().list(owner, 10).stream().map(StoredMemory::id).toList());
        assertEquals(List.of(kept.id()), store().search(owner, vector, 5).stream().map(h -> h.memory().id()).toList());
        assertFalse(store().delete(doomed.id()));
        assertFalse(store().delete("not-a-uuid"));
    }

    @Test
    void touchUpdatesLastAccessSeenByLaterReads() {
        String owner = owner();
        StoredMemory m = memory(owner, "old memory", 4, 1_000, null, List.of());
        store().write(m);
        store().touch(owner, List.of(m.id(), id()), 50_000);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> store().list(owner, 1).get(0).lastAccessAt() == 50_000);
    }

    @Test
    void statsCountMemoriesOwnersAndKinds() {
        String owner = owner();
        StoreStats before = store().stats();
        store().write(memory(owner, "seen", 2, 1, null, List.of()));
        store().write(new StoredMemory(id(), owner, "reflection", "insight", 6, 2, 2, null, List.of(), randomUnit()));
        StoreStats after = store().stats();
        assertEquals(before.memories() + 2, after.memories());
        assertEquals(before.memories() + 2, store().size());
        assertEquals(before.kinds().get("observation") + 1, after.kinds().get("observation"));
        assertEquals(before.kinds().get("reflection") + 1, after.kinds().get("reflection"));
        assertEquals(Map.of("observation", 0L, "conversation", 0L, "reflection", 0L).keySet(), after.kinds().keySet());
        if (before.owners() >= 0) {
            assertEquals(before.owners() + 1, after.owners());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    static String owner() {
        return "npc:" + UUID.randomUUID();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    StoredMemory memory(String owner, String text, int importance, long createdAt, String subject,
                        List<String> evidence) {
        return memory(owner, text, importance, createdAt, subject, evidence, randomUnit());
    }

    static StoredMemory memory(String owner, String text, int importance, long createdAt, String subject,
                               List<String> evidence, float[] vector) {
        return new StoredMemory(id(), owner, "observation", text, importance, createdAt, createdAt, subject,
                evidence, vector);
    }

    float[] randomUnit() {
        return randomUnit(random);
    }

    static float[] randomUnit(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    float[] nudge(float[] v, float amount) {
        float[] out = v.clone();
        for (int i = 0; i < DIM; i++) {
            out[i] += amount * (float) random.nextGaussian() / (float) Math.sqrt(DIM);
        }
        return Vectors.normalize(out);
    }

    static void assertSame(StoredMemory expected, StoredMemory actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.ownerId(), actual.ownerId());
        assertEquals(expected.kind(), actual.kind());
        assertEquals(expected.text(), actual.text());
        assertEquals(expected.importance(), actual.importance());
        assertEquals(expected.createdAt(), actual.createdAt());
        assertEquals(expected.lastAccessAt(), actual.lastAccessAt());
        assertEquals(expected.subjectId(), actual.subjectId());
        assertEquals(expected.evidence(), actual.evidence());
        assertEquals(expected.visibility(), actual.visibility());
        assertEquals(expected.provenance(), actual.provenance());
    }
}

package com.langomni.orchestrator.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemoryVisibility;
import com.langomni.api.memory.MemoryWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears what in one gossip round: attribution, decay, hop cap, privacy, no duplicates, idempotence. */
class GossipTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Gossip.Settings SETTINGS = new Gossip.Settings(0.7, 2, 3);
    private static final Map<String, String> NAMES = Map.of("brannoc", "Brannoc Ironhand", "marta", "Marta Quill",
            "lark", "Lark", "pip", "Pip");

    /** Brannoc saw Ada kill the wolf at the ford (public, importance 6). */
    private static MemoryRecord wolfKill(String owner) {
        return memory(owner, "Ada killed the grey wolf that threatened us here.", 6, MemoryVisibility.PUBLIC,
                MemoryProvenance.witnessed("ford", NOW - 1_000, "ev-wolf", "Ada killed the grey wolf in the Ford."));
    }

    private static MemoryRecord memory(String owner, String text, int importance, MemoryVisibility visibility,
                                       MemoryProvenance provenance) {
        return new MemoryRecord(UUID.randomUUID().toString(), "npc:" + owner, "observation", text, importance,
                NOW - 1_000, NOW - 1_000, "p-ada", List.of(), null, null, visibility, provenance);
    }

    /** What a round's tellings leave in memory-service, as it would list them next round. */
    private static Map<String, List<MemoryRecord>> after(Map<String, List<MemoryRecord>> before,
                                                         List<Gossip.Telling> tellings) {
        Map<String, List<MemoryRecord>> next = new HashMap<>();
        before.forEach((npc, list) -> next.put(npc, new ArrayList<>(list)));
        for (Gossip.Telling t : tellings) {
            MemoryWrite w = t.write();
            next.computeIfAbsent(t.listenerId(), k -> new ArrayList<>()).add(new MemoryRecord(
                    UUID.randomUUID().toString(), w.ownerId(), w.kind(), w.text(), w.importance(), w.createdAt(),
                    w.createdAt(), w.subjectId(), List.of(), null, null, w.visibility(), w.provenance()));
        }
        return next;
    }

    private static List<Gossip.Telling> round(Map<String, List<String>> gatherings,
                                              Map<String, List<MemoryRecord>> memories) {
        return Gossip.round(gatherings, memories, NAMES::get, SETTINGS, NOW);
    }

    @Test
    void anNpcElsewhereHearsNothingUntilItMeetsAWitness() {
        Map<String, List<MemoryRecord>> memories = Map.of("brannoc", List.of(wolfKill("brannoc")),
                "marta", List.of(), "lark", List.of());
        // Brannoc alone at the forge, Marta and Lark at the inn: nobody there knows the news
        assertEquals(List.of(), round(Map.of("forge", List.of("brannoc"), "inn", List.of("marta", "lark")), memories));

        List<Gossip.Telling> told = round(Map.of("inn", List.of("brannoc", "marta")), memories);
        assertEquals(1, told.size());
        Gossip.Telling t = told.get(0);
        assertEquals("marta", t.listenerId());
        assertEquals("brannoc", t.tellerId());
        assertEquals("inn", t.locationId());
        assertEquals("gossip:ev-wolf", t.key());
        MemoryWrite w = t.write();
        assertEquals("npc:marta", w.ownerId());
        assertEquals("Brannoc Ironhand says that Ada killed the grey wolf in the Ford.", w.text());
        assertEquals(MemoryVisibility.PUBLIC, w.visibility());
        assertEquals("p-ada", w.subjectId(), "erasing Ada erases what was said of her too");
        assertEquals(new MemoryProvenance(MemoryProvenance.Source.HEARD, "brannoc", 1, "ford", NOW - 1_000, "ev-wolf",
                "Ada killed the grey wolf in the Ford."), w.provenance());
        assertEquals(4, w.importance(), "6 x 0.7, rounded");
    }

    @Test
    void newsDecaysPerHopAndStopsAtTheHopCap() {
        Map<String, List<MemoryRecord>> memories = Map.of("brannoc", List.of(wolfKill("brannoc")),
                "marta", List.of(), "lark", List.of(), "pip", List.of());
        List<Gossip.Telling> first = round(Map.of("inn", List.of("brannoc", "marta")), memories);
        memories = after(memories, first);
        // Marta meets Lark: hop 2, importance 4 x 0.7 = 3
        List<Gossip.Telling> second = round(Map.of("inn", List.of("marta", "lark")), memories);
        assertEquals(1, second.size());
        assertEquals("Marta Quill says that Ada killed the grey wolf in the Ford.", second.get(0).write().text());
        assertEquals(2, second.get(0).write().provenance().hops());
        assertEquals("marta", second.get(0).write().provenance().heardFrom());
        assertEquals(3, second.get(0).write().importance());
        memories = after(memories, second);
        // Lark meets Pip: Lark's news is at the cap (2 hops): it goes no further
        assertEquals(List.of(), round(Map.of("square", List.of("lark", "pip")), memories));
    }

    @Test
    void newsTooSmallOnceDecayedIsNotPassedOn() {
        MemoryRecord minor = memory("brannoc", "Ada gave me a rat tail.", 4, MemoryVisibility.PUBLIC,
                MemoryProvenance.witnessed("forge", NOW, "ev-tail", "Ada gave Brannoc a rat tail in the Forge."));
        assertEquals(3, Gossip.decayed(4, SETTINGS));
        assertEquals(1, round(Map.of("forge", List.of("brannoc", "pip")),
                Map.of("brannoc", List.of(minor), "pip", List.of())).size());
        MemoryRecord trivial = memory("brannoc", "Ada waved.", 3, MemoryVisibility.PUBLIC,
                MemoryProvenance.witnessed("forge", NOW, "ev-wave", "Ada waved at Brannoc."));
        assertEquals(List.of(), round(Map.of("forge", List.of("brannoc", "pip")),
                Map.of("brannoc", List.of(trivial), "pip", List.of())), "3 x 0.7 = 2, below 3");
    }

    @Test
    void privateMemoriesAndConversationsAreNeverGossiped() {
        MemoryRecord refused = memory("brannoc", "Ada tried to attack me.", 8, MemoryVisibility.PRIVATE,
                MemoryProvenance.witnessed("forge", NOW, "ev-attack", "Ada tried to attack Brannoc in the Forge."));
        MemoryRecord said = memory("brannoc", "Ada asked me about swords; I said: fold the steel.", 7,
                MemoryVisibility.PRIVATE, MemoryProvenance.told("forge", NOW));
        MemoryRecord legacy = memory("brannoc", "Ada killed a rat here.", 7, MemoryVisibility.PUBLIC, null);
        MemoryRecord noGist = memory("brannoc", "Something public.", 7, MemoryVisibility.PUBLIC,
                MemoryProvenance.witnessed("forge", NOW, "ev-x", null));
        assertEquals(List.of(), round(Map.of("forge", List.of("brannoc", "marta")),
                Map.of("brannoc", List.of(refused, said, legacy, noGist), "marta", List.of())));
    }

    @Test
    void anNpcLearnsAnEventOnceWhoeverTellsIt() {
        // Marta witnessed it herself: nobody tells her again
        assertEquals(List.of(), round(Map.of("inn", List.of("brannoc", "marta")),
                Map.of("brannoc", List.of(wolfKill("brannoc")), "marta", List.of(wolfKill("marta")))));

        // Two can tell Pip: he hears it once, from the one nearest the witness
        MemoryRecord heard = memory("lark", "Brannoc Ironhand says that Ada killed the grey wolf in the Ford.", 4,
                MemoryVisibility.PUBLIC, wolfKill("brannoc").provenance().heardFrom("brannoc"));
        List<Gossip.Telling> told = round(Map.of("square", List.of("lark", "brannoc", "pip")),
                Map.of("brannoc", List.of(wolfKill("brannoc")), "lark", List.of(heard), "pip", List.of()));
        assertEquals(1, told.size(), told.toString());
        assertEquals("pip", told.get(0).listenerId());
        assertEquals("brannoc", told.get(0).tellerId());
    }

    @Test
    void aRoundRunTwiceTellsNothingNewAndIsTheSameEachTime() {
        Map<String, List<MemoryRecord>> memories = Map.of("brannoc", List.of(wolfKill("brannoc")),
                "marta", List.of(), "lark", List.of());
        Map<String, List<String>> inn = Map.of("inn", List.of("brannoc", "marta", "lark"));
        List<Gossip.Telling> once = round(inn, memories);
        assertEquals(once, round(inn, memories), "the same inputs plan the same tellings (same keys, same texts)");
        assertEquals(2, once.size());
        assertEquals(List.of(), round(inn, after(memories, once)), "news heard is not heard again");
        assertTrue(once.stream().allMatch(t -> t.key().equals("gossip:ev-wolf")));
    }

    @Test
    void anNpcWhoseMemoriesAreUnknownSitsTheRoundOut() {
        assertEquals(List.of(), round(Map.of("inn", List.of("brannoc", "marta")),
                Map.of("brannoc", List.of(wolfKill("brannoc")))));
    }
}

package com.langomni.orchestrator.knowledge;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemoryVisibility;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.orchestrator.memory.MemoryOwners;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One gossip round, decided without I/O: NPCs who share a place pass on the news they know to those who do not know
 * it yet. What may be passed on is a public memory with a gist (what the NPC witnessed, or heard, of an act others
 * saw); a private one (a player's words, an act nobody else saw) never is. Each telling is one hop further from the
 * witness, its importance decays by {@link Settings#decay()} per hop, and news at {@link Settings#maxHops()} hops or
 * below {@link Settings#minImportance()} once decayed goes no further.
 * <p>
 * An NPC learns an event once: not when it knows it already (witnessed or heard, by event id), and of several NPCs
 * who could tell it the same event in one round it hears it from the nearest to the witness (fewest hops, then the
 * most important memory, then the teller's id), so a round is deterministic. News heard in a round is passed on in the
 * next round at the earliest.
 */
public final class Gossip {

    /** The memory kind of what an NPC heard (as of what it saw). */
    public static final String KIND = "observation";

    private Gossip() {
    }

    /**
     * @param decay         importance kept per hop (0..1]
     * @param maxHops       tellings away from a witness at most (a witness is 0)
     * @param minImportance news decayed below this is not passed on
     */
    public record Settings(double decay, int maxHops, int minImportance) {
    }

    /**
     * What one NPC tells another.
     *
     * @param key   the idempotency key of the write: once per listener and event, so a round run twice stores it once
     * @param write the listener's new memory, with attribution in its text and provenance
     */
    public record Telling(String listenerId, String tellerId, String locationId, String key, MemoryWrite write) {
    }

    /**
     * @param gatherings which NPCs are together where (location id to NPC ids, from {@code Whereabouts})
     * @param memories   what each NPC knows (its memories as memory-service lists them); an NPC missing here neither
     *                   tells nor hears anything this round (what it knows is unknown)
     * @param names      NPC id to the name it is known by, for the attribution
     * @param now        when the round runs (epoch millis): when the news is heard
     * @return the tellings, ordered by listener then event
     */
    public static List<Telling> round(Map<String, List<String>> gatherings, Map<String, List<MemoryRecord>> memories,
                                      Function<String, String> names, Settings settings, long now) {
        Map<String, Telling> best = new TreeMap<>(); // "<listener> <event>" -> telling
        Map<String, Candidate> chosen = new TreeMap<>();
        for (Map.Entry<String, List<String>> gathering : gatherings.entrySet()) {
            List<String> present = gathering.getValue().stream().filter(memories::containsKey).distinct().toList();
            if (present.size() < 2) {
                continue;
            }
            for (String listener : present) {
                Set<String> known = knownEvents(memories.get(listener));
                for (String teller : present) {
                    if (teller.equals(listener)) {
                        continue;
                    }
                    for (MemoryRecord m : memories.get(teller)) {
                        if (!passable(m, settings) || known.contains(m.provenance().eventId())) {
                            continue;
                        }
                        Candidate c = new Candidate(teller, m);
                        String slot = listener + " " + m.provenance().eventId();
                        Candidate earlier = chosen.get(slot);
                        if (earlier == null || Candidate.ORDER.compare(c, earlier) < 0) {
                            chosen.put(slot, c);
                            best.put(slot, telling(listener, c, gathering.getKey(), names, settings, now));
                        }
                    }
                }
            }
        }
        return List.copyOf(new ArrayList<>(best.values()));
    }

    /** Whether a memory may be passed on one hop further. */
    public static boolean passable(MemoryRecord m, Settings settings) {
        MemoryProvenance p = m.provenance();
        return m.visibility() == MemoryVisibility.PUBLIC && p != null && p.gist() != null && !p.gist().isBlank()
                && p.eventId() != null && p.hops() < settings.maxHops()
                && decayed(m.importance(), settings) >= settings.minImportance();
    }

    /** The importance of news one hop further: {@code importance * decay}, rounded, at least 1. */
    public static int decayed(int importance, Settings settings) {
        return Math.max(1, (int) Math.round(importance * settings.decay()));
    }

    /** How an NPC says what it heard: "Brannoc Ironhand says that Ada killed the grey wolf in the Ford." */
    public static String attribution(String tellerName, String gist) {
        return tellerName + " says that " + gist;
    }

    private static Telling telling(String listener, Candidate c, String locationId, Function<String, String> names,
                                   Settings settings, long now) {
        MemoryProvenance heard = c.memory().provenance().heardFrom(c.teller());
        String name = names.apply(c.teller());
        MemoryWrite write = new MemoryWrite(MemoryOwners.npc(listener), KIND,
                attribution(name == null ? c.teller() : name, heard.gist()), decayed(c.memory().importance(), settings),
                now, c.memory().subjectId(), null, MemoryVisibility.PUBLIC, heard);
        return new Telling(listener, c.teller(), locationId, "gossip:" + heard.eventId(), write);
    }

    private static Set<String> knownEvents(List<MemoryRecord> memories) {
        Set<String> known = new HashSet<>();
        for (MemoryRecord m : memories) {
            if (m.provenance() != null && m.provenance().eventId() != null) {
                known.add(m.provenance().eventId());
            }
        }
        return known;
    }

    private record Candidate(String teller, MemoryRecord memory) {
        static final Comparator<Candidate> ORDER = Comparator
                .<Candidate>comparingInt(c -> c.memory().provenance().hops())
                .thenComparing(c -> -c.memory().importance())
                .thenComparing(Candidate::teller);
    }
}

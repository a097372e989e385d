package com.langomni.orchestrator.game.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;

/**
 * The names a world pack authors (NPCs, items, creatures, places, exits), normalised as {@link Names} does. The
 * parser uses it only to find where a name ends in "talk to Pip I am looking for the lantern"; what a name stands
 * for is still decided by the rules against what is present.
 */
public final class Lexicon {

    /** No names: the parser falls back to grammar alone. */
    public static final Lexicon EMPTY = new Lexicon(Set.of(), Set.of());

    private final Set<String> names;
    private final Set<String> people;

    private Lexicon(Set<String> names, Set<String> people) {
        this.names = Set.copyOf(names);
        this.people = Set.copyOf(people);
    }

    public static Lexicon of(World world) {
        Set<String> names = new HashSet<>();
        Set<String> people = new HashSet<>();
        for (Npc npc : world.npcs().values()) {
            List<String> terms = new ArrayList<>(npc.aliases());
            terms.add(npc.id());
            terms.add(npc.name());
            if (npc.title() != null) {
                terms.add(npc.title());
            }
            terms.forEach(t -> add(people, t));
        }
        names.addAll(people);
        for (ItemDef item : world.items().values()) {
            add(names, item.id());
            add(names, item.name());
            item.aliases().forEach(a -> add(names, a));
        }
        for (CreatureDef creature : world.creatures().values()) {
            add(names, creature.id());
            add(names, creature.name());
            creature.aliases().forEach(a -> add(names, a));
        }
        for (Location location : world.locations().values()) {
            add(names, location.name());
            for (Exit exit : location.exits()) {
                exit.aliases().forEach(a -> add(names, a));
            }
        }
        return new Lexicon(names, people);
    }

    private static void add(Set<String> into, String term) {
        String normalized = Names.normalize(term);
        if (!normalized.isEmpty()) {
            into.add(normalized);
        }
    }

    /** How many of {@code words} (from the first) form the longest name of a person; 0 when none does. */
    int personAtStart(List<String> words) {
        return longestAtStart(words, people);
    }

    /** How many of {@code words} (from the first) form the longest authored name; 0 when none does. */
    int nameAtStart(List<String> words) {
        return longestAtStart(words, names);
    }

    private static int longestAtStart(List<String> words, Set<String> in) {
        for (int k = Math.min(words.size(), 6); k > 0; k--) {
            if (in.contains(String.join(" ", words.subList(0, k)))) {
                return k;
            }
        }
        return 0;
    }
}

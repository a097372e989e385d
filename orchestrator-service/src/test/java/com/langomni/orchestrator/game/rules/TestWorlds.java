package com.langomni.orchestrator.game.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;

/**
 * A small world built in code, so each rule can be tested against a map that fits in one's head:
 * <pre>
 *   yard (start, Pip) --north/south-- hall (Brannoc, rat, deer) --east/west-- den (wolf)
 *                                      |
 *                                     door (down, locked by brass-key) / door (up)
 *                                      |
 *                                     vault
 * </pre>
 */
public final class TestWorlds {

    private TestWorlds() {
    }

    public static World small() {
        Map<String, ItemDef> items = new LinkedHashMap<>();
        add(items, new ItemDef("sword", "iron sword", List.of("blade"), "A plain iron sword.", ItemKind.WEAPON, 4, 0, true));
        add(items, new ItemDef("dagger", "rusty dagger", List.of("knife"), "A rusty dagger.", ItemKind.WEAPON, 2, 0, true));
        add(items, new ItemDef("potion", "healing potion", List.of("red potion"), "Cloudy and red.", ItemKind.CONSUMABLE, 0, 10, true));
        add(items, new ItemDef("statue", "stone statue", List.of(), "A heavy statue of a hare.", ItemKind.MISC, 0, 0, false));
        add(items, new ItemDef("brass-key", "brass key", List.of("key"), "A small brass key.", ItemKind.KEY, 0, 0, true));
        add(items, new ItemDef("iron-key", "iron key", List.of("key"), "A black iron key.", ItemKind.KEY, 0, 0, true));
        add(items, new ItemDef("tail", "rat tail", List.of(), "A rat tail.", ItemKind.MISC, 0, 0, true));
        add(items, new ItemDef("pelt", "wolf pelt", List.of(), "A wolf pelt.", ItemKind.MISC, 0, 0, true));
        add(items, new ItemDef("crown", "golden crown", List.of(), "A crown.", ItemKind.TREASURE, 0, 0, true));
        add(items, new ItemDef("pebble", "smooth pebble", List.of(), "A pebble.", ItemKind.MISC, 0, 0, true));

        Map<String, CreatureDef> creatures = new LinkedHashMap<>();
        add(creatures, new CreatureDef("rat", "giant rat", List.of("rodent"), "A big rat.", 6, 1, 2, true, List.of("tail"), 60));
        add(creatures, new CreatureDef("wolf", "grey wolf", List.of(), "A hungry wolf.", 18, 2, 5, true, List.of("pelt"), 120));
        add(creatures, new CreatureDef("deer", "red deer", List.of("stag"), "A wary deer.", 10, 0, 0, false, List.of(), 240));

        Map<String, Npc> npcs = new LinkedHashMap<>();
        add(npcs, new Npc("brannoc", "Brannoc", "the smith", "hall", List.of("smith"),
                "A broad man with soot on his arms. He speaks bluntly.", lines("smith"), "Mind the sparks."));
        add(npcs, new Npc("pip", "Pip", "the urchin", "yard", List.of("boy", "child"),
                "A skinny boy in a big cap. He talks fast.", lines("pip"), "Hi!"));
        add(npcs, new Npc("marta", "Marta", "the innkeeper", "den", List.of("innkeeper"),
                "A round woman. She feeds everyone.", lines("marta"), "Come in, love."));

        Map<String, Location> locations = new LinkedHashMap<>();
        add(locations, new Location("yard", "Yard", "A muddy yard.",
                List.of(new Exit("north", "hall", List.of("hall"), null)),
                List.of("pebble"), List.of("pip"), List.of()));
        add(locations, new Location("hall", "Great Hall", "A smoky hall.",
                List.of(new Exit("south", "yard", List.of(), null),
                        new Exit("east", "den", List.of(), null),
                        new Exit("door", "vault", List.of("down", "trapdoor"), "brass-key")),
                List.of("sword", "dagger", "potion", "statue", "brass-key"), List.of("brannoc"), List.of("rat", "deer")));
        add(locations, new Location("den", "Wolf Den", "Bones everywhere.",
                List.of(new Exit("west", "hall", List.of(), null)),
                List.of(), List.of("marta"), List.of("wolf")));
        add(locations, new Location("vault", "Vault", "A cold vault.",
                List.of(new Exit("door", "hall", List.of("up"), null)),
                List.of("crown"), List.of(), List.of()));
        return new World("1", "yard", locations, items, npcs, creatures);
    }

    private static List<String> lines(String who) {
        return IntStream.rangeClosed(1, 12).mapToObj(i -> who + " line " + i).toList();
    }

    private static void add(Map<String, ItemDef> map, ItemDef item) {
        map.put(item.id(), item);
    }

    private static void add(Map<String, CreatureDef> map, CreatureDef creature) {
        map.put(creature.id(), creature);
    }

    private static void add(Map<String, Npc> map, Npc npc) {
        map.put(npc.id(), npc);
    }

    private static void add(Map<String, Location> map, Location location) {
        map.put(location.id(), location);
    }
}

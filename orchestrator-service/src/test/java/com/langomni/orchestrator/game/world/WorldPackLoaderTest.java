package com.langomni.orchestrator.game.world;

import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.world.ScheduleSlot;
import com.langomni.orchestrator.game.rules.world.WorldEventKind;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldPackLoaderTest {

    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast",
            "northwest", "southeast", "southwest", "up", "down", "in", "out");

    private static World pack;

    @BeforeAll
    static void loadThePack() {
        pack = WorldPackLoader.fromClasspath("world/pack.yaml");
    }

    // ---- the real pack ----

    @Test
    void theRealPackHasTheAuthoredCounts() {
        assertEquals("1", pack.version());
        assertTrue(pack.locations().size() >= 15, "locations: " + pack.locations().size());
        assertTrue(pack.npcs().size() >= 8, "npcs: " + pack.npcs().size());
        long hostileTypes = pack.creatures().values().stream().filter(CreatureDef::hostile).count();
        assertTrue(hostileTypes >= 4, "hostile creature types: " + hostileTypes);
        for (ItemKind kind : ItemKind.values()) {
            assertTrue(pack.items().values().stream().anyMatch(i -> i.kind() == kind), "an item of kind " + kind);
        }
    }

    @Test
    void everyNpcHasAPersonaAGreetingAndADozenDistinctLines() {
        for (Npc npc : pack.npcs().values()) {
            assertFalse(npc.title().isBlank(), npc.id());
            assertTrue(npc.persona().length() > 200, npc.id() + " persona is a paragraph");
            assertFalse(npc.greeting().isBlank(), npc.id());
            assertTrue(npc.knowledge().size() >= 12, npc.id());
            assertEquals(npc.knowledge().size(), Set.copyOf(npc.knowledge()).size(), npc.id() + " lines are distinct");
            assertTrue(pack.locations().get(npc.locationId()).npcs().contains(npc.id()), npc.id() + " lives there");
        }
    }

    @Test
    void theSmithKnowsAboutSwords() {
        Npc smith = pack.npcs().values().stream().filter(n -> n.title().contains("smith")).findFirst().orElseThrow();
        assertTrue(smith.knowledge().stream().anyMatch(line -> line.startsWith("A good sword is folded steel")),
                smith.knowledge().toString());
    }

    @Test
    void theStartIsSafeAndEveryLocationIsDescribedInTwoToFourSentences() {
        assertEquals(List.of(), pack.locations().get(pack.startLocationId()).creatures());
        Pattern sentenceEnd = Pattern.compile("[.!?](\\s|$)");
        for (Location location : pack.locations().values()) {
            long sentences = sentenceEnd.matcher(location.description()).results().count();
            assertTrue(sentences >= 2 && sentences <= 4, location.id() + " has " + sentences + " sentences");
        }
    }

    @Test
    void everyExitHasAWayBackAndSomeExitsHaveNames() {
        for (Location location : pack.locations().values()) {
            for (Exit exit : location.exits()) {
                assertTrue(pack.locations().get(exit.to()).exits().stream().anyMatch(e -> e.to().equals(location.id())),
                        location.id() + " -> " + exit.to() + " has no way back");
            }
        }
        Set<String> named = pack.locations().values().stream().flatMap(l -> l.exits().stream())
                .map(Exit::direction).filter(d -> !DIRECTIONS.contains(d)).collect(Collectors.toSet());
        assertTrue(named.containsAll(Set.of("gate", "door")), named.toString());
        assertTrue(pack.locations().values().stream().flatMap(l -> l.exits().stream())
                .anyMatch(e -> e.aliases().contains("stairs")));
    }

    @Test
    void hostileCreaturesAreSpreadOverSeveralLocations() {
        Set<String> dangerous = pack.locations().values().stream()
                .filter(l -> l.creatures().stream().anyMatch(c -> pack.creatures().get(c).hostile()))
                .map(Location::id).collect(Collectors.toSet());
        assertTrue(dangerous.size() >= 6, dangerous.toString());
        for (CreatureDef creature : pack.creatures().values()) {
            assertTrue(pack.locations().values().stream().anyMatch(l -> l.creatures().contains(creature.id())),
                    creature.id() + " lives somewhere");
            assertTrue(creature.respawnSeconds() > 0 && !creature.loot().isEmpty(), creature.id());
        }
    }

    @Test
    void everyItemCanBeFound() {
        Set<String> placed = new HashSet<>();
        pack.locations().values().forEach(l -> placed.addAll(l.items()));
        pack.creatures().values().forEach(c -> placed.addAll(c.loot()));
        assertEquals(pack.items().keySet(), placed);
        for (ItemDef item : pack.items().values()) {
            assertFalse(item.description().isBlank(), item.id());
        }
    }

    /** Walks the world as a player would, picking up every key, and reaches every location. */
    @Test
    void theWholeWorldCanBeExploredFromTheStart() {
        Set<String> keys = new HashSet<>();
        Set<String> reached = new HashSet<>();
        int known;
        do {
            known = keys.size() + reached.size();
            Deque<String> frontier = new ArrayDeque<>(List.of(pack.startLocationId()));
            Set<String> seen = new HashSet<>();
            while (!frontier.isEmpty()) {
                Location location = pack.locations().get(frontier.pop());
                if (!seen.add(location.id())) {
                    continue;
                }
                reached.add(location.id());
                keys.addAll(location.items());
                location.creatures().forEach(c -> keys.addAll(pack.creatures().get(c).loot()));
                location.exits().stream()
                        .filter(e -> e.keyItemId() == null || keys.contains(e.keyItemId()))
                        .forEach(e -> frontier.push(e.to()));
            }
        } while (keys.size() + reached.size() > known);
        assertTrue(pack.locations().values().stream().flatMap(l -> l.exits().stream())
                .anyMatch(e -> e.keyItemId() != null), "at least one locked exit");
        assertEquals(pack.locations().keySet(), reached);
    }

    // ---- broken packs ----

    private static final String VALID = """
            version: 1
            start: a
            locations:
              - id: a
                name: Room A
                description: Room A.
                exits:
                  - { dir: north, to: b, aliases: [hall] }
                items: [stick]
              - id: b
                name: Room B
                description: Room B.
                exits:
                  - { dir: south, to: a }
                  - { dir: door, to: c, key: key }
                creatures: [rat]
              - id: c
                name: Room C
                description: Room C.
                exits:
                  - { dir: door, to: b }
            items:
              - { id: stick, name: stick, description: A stick., kind: weapon, damage: 1 }
              - { id: key, name: key, description: A key., kind: key }
              - { id: rock, name: rock, description: A rock., kind: misc, takeable: false }
            creatures:
              - { id: rat, name: rat, description: A rat., hp: 5, damage: [1, 2], loot: [key], respawn: 60 }
            npcs:
              - id: sage
                name: Sage
                title: the sage
                location: a
                persona: Wise.
                greeting: Hello.
                knowledge: [%s]
            """.formatted(lines(12));

    private static String lines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "line " + i).collect(Collectors.joining(", "));
    }

    private static World load(String yaml) {
        return WorldPackLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String replace(String from, String to) {
        assertTrue(VALID.contains(from), "fixture has " + from);
        return VALID.replace(from, to);
    }

    @Test
    void aValidPackMapsToTheDomain() {
        World world = load(VALID);
        assertEquals("a", world.startLocationId());
        assertEquals(List.of("sage"), world.locations().get("a").npcs());
        assertEquals(new Exit("door", "c", List.of(), "key"), world.locations().get("b").exits().get(1));
        assertEquals(new Exit("north", "b", List.of("hall"), null), world.locations().get("a").exits().get(0));
        CreatureDef rat = world.creatures().get("rat");
        assertEquals(new CreatureDef("rat", "rat", List.of(), "A rat.", 5, 1, 2, true, List.of("key"), 60), rat);
        assertTrue(world.items().get("stick").takeable());
        assertFalse(world.items().get("rock").takeable());
        assertEquals(ItemKind.KEY, world.items().get("key").kind());
        assertEquals(12, world.npcs().get("sage").knowledge().size());
        assertNull(world.locations().get("a").exits().get(0).keyItemId());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "to: b, aliases: [hall] }|to: nowhere }|location 'a': exit 'north' leads to unknown location 'nowhere'",
            "  - id: c|  - id: a|location 'a': duplicate id",
            "start: a|start: zz|start location 'zz' does not exist",
            "start: a|start: ''|start location is missing",
            "persona: Wise.|persona: ' '|npc 'sage': persona is missing",
            "greeting: Hello.|greeting:|npc 'sage': greeting is missing",
            "location: a|location: zz|npc 'sage': location 'zz' does not exist",
            "items: [stick]|items: [stick, gem]|location 'a': item 'gem' does not exist",
            "creatures: [rat]|creatures: [rat, bat]|location 'b': creature 'bat' does not exist",
            "creatures: [rat]|creatures: [rat, rat]|location 'b': creature 'rat' is listed twice",
            "loot: [key]|loot: [key, gem]|creature 'rat': loot item 'gem' does not exist",
            "kind: weapon, damage: 1|kind: sword, damage: 1|item 'stick': unknown kind 'sword' (weapon, consumable, key, treasure, misc)",
            "kind: weapon, damage: 1|kind: weapon|item 'stick': a weapon needs damage > 0",
            "damage: [1, 2]|damage: [3, 1]|creature 'rat': damage must be [min, max] with 0 <= min <= max",
            "hp: 5|hp: 0|creature 'rat': hp must be > 0",
            "respawn: 60|respawn: 0|creature 'rat': respawn must be > 0 seconds",
            "version: 1|version: 2|version 2 is not supported (expected 1)",
            "version: 1|name: no version|version is missing",
            "key: key }|key: stick }|location 'b': exit 'door' needs key 'stick', which is not of kind key",
            "key: key }|key: gem }|location 'b': exit 'door' needs key 'gem', which does not exist",
            "loot: [key]|loot: []|location 'b': key 'key' for exit 'door' is nowhere in the world",
            "{ dir: door, to: c, key: key }|{ dir: south, to: c }|location 'b': 'south' names more than one exit",
            "to: b, aliases: [hall] }|to: b, aliases: [hall, Hall] }|location 'a': 'Hall' names more than one exit",
            "  - { dir: door, to: c, key: key }\\n|\\n|location 'c' cannot be reached from the start",
            "id: stick|id: Big Stick|item 'Big Stick': id must be lower-case letters, digits and '-'",
            "name: Room A|name: ''|location 'a': name is missing"
    })
    void brokenPacksSayExactlyWhatIsWrong(String from, String to, String expected) {
        String yaml = replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(yaml));
        assertTrue(e.getMessage().startsWith("invalid world pack: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theThornwallPackHasSchedulesNightsAndEvents() {
        GameClock clock = new GameClock(24 * 3_600_000L, 0, 20, 6);
        assertEquals(List.of("brannoc"), Whereabouts.npcsAt(pack, clock, "forge", 12 * 3_600_000L).stream()
                .map(Npc::id).toList());
        assertTrue(Whereabouts.npcsAt(pack, clock, "inn", 22 * 3_600_000L).stream()
                .anyMatch(n -> n.id().equals("brannoc")), "the smith drinks at the inn at night");
        assertEquals(List.of(), Whereabouts.npcsAt(pack, clock, "forge", 22 * 3_600_000L));
        assertNotNull(pack.locations().get("square").nightDescription());
        assertTrue(pack.event("storm").orElseThrow().blocks("north-gate", "gate"));
        assertTrue(pack.event("fog").orElseThrow().blocks().isEmpty());
    }

    @Test
    void schedulesNightsAndEventsMapToTheDomain() {
        String yaml = VALID.replace("    location: a\n", "    location: a\n    schedule:\n      - { from: 20, to: 6, at: b }\n")
                .replace("    description: Room A.\n", "    description: Room A.\n    night: Room A in the dark.\n")
                + "events:\n  - { id: storm, name: Storm, announcement: A storm., ambience: Rain., duration: 60,"
                + " blocks: [a/north] }\n";
        World world = load(yaml);
        assertEquals(List.of(new ScheduleSlot(20, 6, "b")), world.npcs().get("sage").schedule());
        assertEquals("Room A in the dark.", world.locations().get("a").nightDescription());
        assertEquals(new WorldEventKind("storm", "Storm", "A storm.", "Rain.", null, 60, Set.of("a/north")),
                world.event("storm").orElseThrow());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{ id: e, name: E, announcement: A., ambience: B., duration: 60, blocks: [a/south] }|event 'e': blocks 'a/south' is no location/direction exit",
            "{ id: e, name: E, announcement: A., ambience: B., duration: 60, blocks: [nowhere] }|event 'e': blocks 'nowhere' is no location/direction exit",
            "{ id: e, name: E, announcement: A., ambience: B., duration: 0 }|event 'e': duration must be > 0 seconds",
            "{ id: e, name: E, ambience: B., duration: 5 }|event 'e': announcement is missing"
    })
    void brokenEventsSayWhatIsWrong(String event, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(VALID + "events:\n  - " + event + "\n"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{ from: 20, to: 6, at: zz }|npc 'sage': schedule location 'zz' does not exist",
            "{ from: 24, to: 6, at: b }|npc 'sage': a schedule slot needs from and to hours in 0..23",
            "{ to: 6, at: b }|npc 'sage': a schedule slot needs from and to hours in 0..23"
    })
    void brokenSchedulesSayWhatIsWrong(String slot, String expected) {
        String yaml = replace("    location: a\n", "    location: a\n    schedule:\n      - " + slot + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void tooFewKnowledgeLinesAreCounted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(replace(lines(12), lines(11))));
        assertEquals("invalid world pack: npc 'sage': needs at least 12 non-blank knowledge lines, has 11",
                e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = replace("start: a", "start: zz").replace("hp: 5", "hp: -1").replace(lines(12), lines(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(yaml));
        assertTrue(e.getMessage().contains("start location 'zz' does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("creature 'rat': hp must be > 0"), e.getMessage());
        assertTrue(e.getMessage().contains("npc 'sage': needs at least 12"), e.getMessage());
        assertEquals(3, e.getMessage().split("; ").length, e.getMessage());
    }

    @Test
    void unknownKeysAreRejectedWithTheirPlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(replace("kind: misc, takeable: false", "kind: misc, colour: red")));
        assertTrue(e.getMessage().startsWith("world pack is not valid: "), e.getMessage());
        assertTrue(e.getMessage().contains("\"colour\"") && e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(replace("start: a", "start: a\nstart: b")));
        assertTrue(e.getMessage().contains("Duplicate field 'start'"), e.getMessage());
    }

    @Test
    void malformedAndEmptyDocumentsAreRejected() {
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> load("version: 1\nlocations: [ { id: a"));
        assertTrue(malformed.getMessage().startsWith("world pack is not valid: "), malformed.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> load(""));
        assertEquals("world pack is empty", empty.getMessage());
        IllegalArgumentException wrongShape = assertThrows(IllegalArgumentException.class, () -> load("- 1\n- 2\n"));
        assertTrue(wrongShape.getMessage().startsWith("world pack is not valid: "), wrongShape.getMessage());
    }

    @Test
    void aMissingResourceIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorldPackLoader.fromClasspath("world/nope.yaml"));
        assertEquals("world pack 'world/nope.yaml' not found on the class path", e.getMessage());
    }
}

package com.langomni.orchestrator.game.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.game.rules.quest.QuestDef;
import com.langomni.orchestrator.game.rules.quest.QuestReward;
import com.langomni.orchestrator.game.rules.quest.QuestStep;
import com.langomni.orchestrator.game.rules.quest.QuestTrigger;
import com.langomni.orchestrator.game.rules.quest.TriggerKind;
import com.langomni.orchestrator.game.rules.model.World;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quests section of a world pack: mapped to the domain, and every broken rule a clear load error. */
class QuestPackTest {

    private static final String WORLD = """
            version: 1
            start: a
            locations:
              - id: a
                name: Room A
                description: Room A.
                exits:
                  - { dir: north, to: b }
                items: [stick]
              - id: b
                name: Room B
                description: Room B.
                exits:
                  - { dir: south, to: a }
                creatures: [rat]
            items:
              - { id: stick, name: stick, description: A stick., kind: weapon, damage: 1 }
              - { id: tail, name: tail, description: A tail., kind: misc }
            creatures:
              - { id: rat, name: rat, description: A rat., hp: 5, damage: [1, 2], loot: [tail], respawn: 60 }
            npcs:
              - id: sage
                name: Sage
                title: the sage
                location: a
                persona: Wise.
                greeting: Hello.
                knowledge: [%s]
            """.formatted(IntStream.rangeClosed(1, 12).mapToObj(i -> "line " + i).collect(Collectors.joining(", ")));

    private static final String QUESTS = """
            quests:
              - id: first
                name: First
                giver: sage
                summary: The first one.
                steps:
                  - { text: Go north., reach: b }
                  - { text: Kill the rat., kill: rat }
                  - { text: Take the tail., take: tail }
                  - { text: Give the tail., give: tail, to: sage }
                  - { text: Talk to the sage with a friend., talk: sage, together: 2 }
                reward: { items: [stick], hp: 5, xp: 10, reputation: 1 }
              - id: second
                name: Second
                giver: sage
                requires: [first]
                steps:
                  - { text: Go north., reach: b }
            """;

    private static World load(String yaml) {
        return WorldPackLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String error(String quests) {
        return assertThrows(IllegalArgumentException.class, () -> load(WORLD + quests)).getMessage();
    }

    @Test
    void questsMapToTheDomainInPackOrder() {
        World world = load(WORLD + QUESTS);
        assertEquals(List.of("first", "second"), List.copyOf(world.quests().keySet()));
        QuestDef first = world.quest("first").orElseThrow();
        assertEquals("sage", first.giver());
        assertEquals(List.of(new QuestStep("Go north.", new QuestTrigger(TriggerKind.REACH, "b", null), 1),
                new QuestStep("Kill the rat.", new QuestTrigger(TriggerKind.KILL, "rat", null), 1),
                new QuestStep("Take the tail.", new QuestTrigger(TriggerKind.TAKE, "tail", null), 1),
                new QuestStep("Give the tail.", new QuestTrigger(TriggerKind.GIVE, "tail", "sage"), 1),
                new QuestStep("Talk to the sage with a friend.", new QuestTrigger(TriggerKind.TALK, "sage", null), 2)),
                first.steps());
        assertEquals(new QuestReward(List.of("stick"), 5, 10, 1), first.reward());
        assertEquals(List.of("first"), world.quest("second").orElseThrow().prerequisites());
        assertEquals(QuestReward.NONE, world.quest("second").orElseThrow().reward());
    }

    @Test
    void aPackWithoutQuestsHasNone() {
        assertTrue(load(WORLD).quests().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown giver      | giver: sage          | giver: nobody        | quest 'first': giver 'nobody' is not an NPC of the pack",
            "unknown location   | reach: b }           | reach: z }           | quest 'first' step 1: reach names unknown location 'z'",
            "unknown creature   | kill: rat            | kill: dragon         | quest 'first' step 2: kill names unknown creature 'dragon'",
            "unknown item       | take: tail           | take: crown          | quest 'first' step 3: take names unknown item 'crown'",
            "unknown receiver   | to: sage             | to: king             | quest 'first' step 4: 'to' names unknown NPC 'king'",
            "unknown talk npc   | talk: sage,          | talk: king,          | quest 'first' step 5: talk names unknown NPC 'king'",
            "unknown prereq     | requires: [first]    | requires: [zeroth]   | quest 'second': requires unknown quest 'zeroth'",
            "self prereq        | requires: [first]    | requires: [second]   | quest 'second': requires itself",
            "unknown reward     | items: [stick]       | items: [gold]        | quest 'first': reward names unknown item 'gold'",
            "negative reward    | xp: 10               | xp: -10              | quest 'first': reward hp, xp and reputation must not be negative",
            "two triggers       | reach: b }           | reach: b, kill: rat }| quest 'first' step 1: needs exactly one trigger (reach, take, give, kill or talk), has 2",
            "give without to    | give: tail, to: sage | give: tail           | quest 'first' step 4: give needs 'to' (the NPC who receives it)",
            "too many together  | together: 2          | together: 9          | quest 'first' step 5: together must be between 1 and 4",
            "duplicate id       | id: second           | id: first            | quest 'first': duplicate id",
    })
    void aBrokenQuestIsALoadErrorNamingIt(String what, String from, String to, String message) {
        assertTrue(QUESTS.contains(from), "fixture has " + from);
        String error = error(QUESTS.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        assertTrue(error.startsWith("invalid world pack: "), error);
        assertTrue(error.contains(message), what + ": " + error);
    }

    @Test
    void aQuestWithoutStepsIsRefused() {
        String error = error("""
                quests:
                  - { id: empty, name: Empty, giver: sage, steps: [] }
                """);
        assertTrue(error.contains("quest 'empty': it has no steps"), error);
    }

    @Test
    void aCycleInPrerequisitesIsRefusedAndNamed() {
        String error = error("""
                quests:
                  - { id: a1, name: A1, giver: sage, requires: [c3], steps: [{ text: Go., reach: b }] }
                  - { id: b2, name: B2, giver: sage, requires: [a1], steps: [{ text: Go., reach: b }] }
                  - { id: c3, name: C3, giver: sage, requires: [b2], steps: [{ text: Go., reach: b }] }
                """);
        assertTrue(error.contains("quest prerequisites form a cycle: a1 -> c3 -> b2 -> a1"), error);
    }

    @Test
    void anUnknownKeyInAQuestIsRefused() {
        String error = error(QUESTS.replace("summary: The first one.", "summery: The first one."));
        assertTrue(error.contains("summery"), error);
    }
}

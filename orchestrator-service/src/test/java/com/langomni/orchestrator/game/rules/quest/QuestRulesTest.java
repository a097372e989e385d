package com.langomni.orchestrator.game.rules.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.outcome.Verb;
import com.langomni.api.quest.QuestEntry;
import com.langomni.api.quest.QuestUpdate;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.NpcTalk;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.Parser;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.world.WorldPackLoader;
import com.langomni.words.QuestText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quest rules over the real Thornwall pack: every trigger kind, rewards, prerequisites, the two-player step. */
class QuestRulesTest {

    private static final World WORLD = WorldPackLoader.fromClasspath("world/pack.yaml");
    private final QuestRules rules = new QuestRules(WORLD);
    private final Parser parser = new Parser();

    private static PlayerState ada(String at, String... inventory) {
        return new PlayerState("p1", "Ada", at, 20, 30, List.of(inventory));
    }

    private static LocationState here(String at) {
        return new LocationState(at, List.of(), Map.of(), Set.of());
    }

    private static Outcome outcome(Verb verb, PlayerState after, Facts facts, NpcTalk talk) {
        return new Outcome(verb, true, after, here(after.locationId()), true, List.of(), facts, talk);
    }

    private static Outcome moved(PlayerState after) {
        return outcome(Verb.GO, after, new Facts.Moved(null, "x", "X", after.locationId(), "Y", null, null, null),
                null);
    }

    private static Outcome talked(PlayerState after, String npc) {
        return outcome(Verb.TALK, after, new Facts.Talked(npc, npc, null, null, null), new NpcTalk(npc, null, "hi"));
    }

    private static Outcome gave(PlayerState after, String item, String npc) {
        return outcome(Verb.GIVE, after, new Facts.Given(item, item, npc, npc), null);
    }

    private static Outcome killed(PlayerState after, String creature, boolean killed) {
        return outcome(Verb.ATTACK, after, new Facts.Fought(creature, creature, null, null, true, 6, killed ? 0 : 3, 6,
                killed, killed ? 1L : null, null, null, null, after.hp(), after.maxHp(), false, null, null), null);
    }

    private static Outcome took(PlayerState after, String item) {
        return outcome(Verb.TAKE, after, new Facts.Taken(item, item), null);
    }

    private static QuestLog at(String quest, int step) {
        return QuestLog.EMPTY.with(new QuestProgress(quest, step, false));
    }

    private QuestTurn apply(Outcome outcome, QuestLog log) {
        return rules.apply(null, outcome, log);
    }

    private static List<String> kinds(QuestTurn turn) {
        return turn.updates().stream().map(u -> u.kind() + ":" + u.quest() + ":" + u.step()).toList();
    }

    // ---- the pack ----

    @Test
    void thornwallHasAtLeastSixQuestsAndOneNeedsTwoPlayers() {
        assertTrue(WORLD.quests().size() >= 6, "quests: " + WORLD.quests().keySet());
        assertTrue(WORLD.quests().values().stream().flatMap(q -> q.steps().stream()).anyMatch(s -> s.together() == 2));
        Set<TriggerKind> used = new java.util.HashSet<>();
        WORLD.quests().values().forEach(q -> q.steps().forEach(s -> used.add(s.trigger().kind())));
        assertEquals(Set.of(TriggerKind.values()), used, "every trigger kind is authored");
    }

    // ---- accepting ----

    @Test
    void talkingToTheGiverAcceptsTheQuestAndTellsTheNpc() {
        QuestTurn turn = apply(talked(ada("inn"), "marta"), QuestLog.EMPTY);
        assertEquals(List.of("accepted:rats-in-the-cellar:1"), kinds(turn));
        assertEquals(new QuestProgress("rats-in-the-cellar", 0, false), turn.log().get("rats-in-the-cellar").get());
        assertEquals(List.of(new QuestTurn.Change("p1", QuestProgress.accepted("rats-in-the-cellar"))),
                turn.changes());
        assertEquals(List.of(NpcQuestNote.Kind.ACCEPTED), turn.npcNotes().stream().map(NpcQuestNote::kind).toList());
        assertEquals("rats-in-the-cellar", turn.npcNotes().get(0).quest().id());
        assertEquals("Go down to the inn cellar.", turn.updates().get(0).next());
    }

    @Test
    void talkingAgainToTheGiverOfAHeldQuestFeedsItsStateToTheNpcAndAcceptsNothingNew() {
        QuestTurn turn = apply(talked(ada("inn"), "marta"), at("rats-in-the-cellar", 1));
        assertEquals(List.of(), turn.updates());
        NpcQuestNote note = turn.npcNotes().get(0);
        assertEquals(NpcQuestNote.Kind.HOLDS, note.kind());
        assertEquals("Ada is on your quest 'Rats in the Cellar', step 2 of 4: Kill the giant rat in the cellar.",
                QuestText.forNpc("Ada", note.quest(), note.giver()));
    }

    @Test
    void aRefusedActionChangesNoQuest() {
        Outcome refused = new Outcome(Verb.TALK, false, ada("inn"), here("inn"), false, List.of(),
                Facts.Refused.because(Refusal.TALKED_OUT), null);
        QuestTurn turn = apply(refused, QuestLog.EMPTY);
        assertEquals(List.of(), turn.changes());
        assertEquals(QuestLog.EMPTY, turn.log());
    }

    // ---- prerequisites ----

    @Test
    void aQuestWithUnfinishedPrerequisitesIsNotGivenAndTheNpcKnowsWhy() {
        QuestTurn turn = apply(talked(ada("north-gate"), "hadrik"), QuestLog.EMPTY);
        assertEquals(List.of(), turn.updates());
        assertEquals(List.of(), turn.changes());
        NpcQuestNote note = turn.npcNotes().get(0);
        assertEquals(NpcQuestNote.Kind.NOT_READY, note.kind());
        assertEquals("Ada is not ready for your quest 'Wolves at the Edge' until they complete 'Rats in the Cellar'.",
                QuestText.notReadyForNpc("Ada", note.quest().name(), note.missing()));
    }

    @Test
    void oncePrerequisitesAreDoneTheGiverGivesTheNextQuestInPackOrder() {
        QuestLog ratsDone = QuestLog.EMPTY.with(new QuestProgress("rats-in-the-cellar", 4, true));
        QuestTurn first = apply(talked(ada("north-gate"), "hadrik"), ratsDone);
        assertEquals(List.of("accepted:wolves-at-the-edge:1"), kinds(first));
        // the night watch needs the wolves done first: talking again gives nothing new
        QuestTurn again = apply(talked(ada("north-gate"), "hadrik"), first.log());
        assertEquals(List.of(), again.updates());
        QuestLog wolvesDone = first.log().with(new QuestProgress("wolves-at-the-edge", 3, true));
        assertEquals(List.of("accepted:the-night-watch:1"),
                kinds(apply(talked(ada("north-gate"), "hadrik"), wolvesDone)));
    }

    // ---- triggers ----

    @Test
    void reachCompletesOnArrivalAndNotElsewhere() {
        assertEquals(List.of(), apply(moved(ada("square")), at("rats-in-the-cellar", 0)).updates());
        QuestTurn turn = apply(moved(ada("cellar")), at("rats-in-the-cellar", 0));
        assertEquals(List.of("step_done:rats-in-the-cellar:1"), kinds(turn));
        assertEquals("Kill the giant rat in the cellar.", turn.updates().get(0).next());
        assertEquals(1, turn.log().get("rats-in-the-cellar").get().step());
    }

    @Test
    void killCompletesOnlyWhenTheBlowKillsThatCreature() {
        assertEquals(List.of(), apply(killed(ada("cellar"), "giant-rat", false), at("rats-in-the-cellar", 1))
                .updates());
        assertEquals(List.of(), apply(killed(ada("cellar"), "goblin", true), at("rats-in-the-cellar", 1)).updates());
        assertEquals(List.of("step_done:rats-in-the-cellar:2"),
                kinds(apply(killed(ada("cellar"), "giant-rat", true), at("rats-in-the-cellar", 1))));
    }

    @Test
    void takeCompletesWhenTheItemIsCarriedEvenIfPickedUpBefore() {
        assertEquals(List.of("step_done:rats-in-the-cellar:3"),
                kinds(apply(took(ada("cellar", "rat-tail"), "rat-tail"), at("rats-in-the-cellar", 2))));
        // carried since before the step came up: the next action completes it
        assertEquals(List.of("step_done:rats-in-the-cellar:3"),
                kinds(apply(moved(ada("inn", "rat-tail")), at("rats-in-the-cellar", 2))));
        assertEquals(List.of(), apply(took(ada("cellar", "bread-loaf"), "bread-loaf"), at("rats-in-the-cellar", 2))
                .updates());
    }

    @Test
    void giveCompletesOnlyForThatItemToThatNpc() {
        assertEquals(List.of(), apply(gave(ada("inn"), "rat-tail", "lark"), at("rats-in-the-cellar", 3)).updates());
        assertEquals(List.of(), apply(gave(ada("inn"), "bread-loaf", "marta"), at("rats-in-the-cellar", 3))
                .updates());
        assertEquals(List.of("completed:rats-in-the-cellar:4"),
                kinds(apply(gave(ada("inn"), "rat-tail", "marta"), at("rats-in-the-cellar", 3))));
    }

    @Test
    void talkCompletesOnlyForThatNpc() {
        QuestLog watch = at("the-night-watch", 1);
        assertEquals(List.of(), apply(talked(ada("inn"), "marta"), watch).updates().stream()
                .filter(u -> u.quest().equals("the-night-watch")).toList());
        assertEquals(List.of("completed:the-night-watch:2"), kinds(apply(talked(ada("north-gate"), "hadrik"), watch)));
    }

    @Test
    void stateTriggersChainButOneEventCompletesOneStep() {
        // arriving in the cellar with a tail already carried does not skip the kill
        QuestTurn turn = apply(moved(ada("cellar", "rat-tail")), at("rats-in-the-cellar", 0));
        assertEquals(List.of("step_done:rats-in-the-cellar:1"), kinds(turn));
        // the barrow: holding the key while reaching the crypt completes both state steps in one action
        QuestTurn barrow = apply(moved(ada("crypt", "bronze-key")), at("the-kings-barrow", 0));
        assertEquals(List.of("step_done:the-kings-barrow:1", "step_done:the-kings-barrow:2"), kinds(barrow));
    }

    // ---- rewards ----

    @Test
    void completingGivesItemsHpAndCountsXpAndReputation() {
        PlayerState before = ada("inn", "rat-tail");
        PlayerState afterGive = before.withInventory(List.of());
        QuestTurn turn = apply(gave(afterGive, "rat-tail", "marta"), at("rats-in-the-cellar", 3));
        QuestUpdate done = turn.updates().get(0);
        assertEquals(QuestUpdate.COMPLETED, done.kind());
        assertEquals(List.of("honey cake", "+5 HP", "+20 XP", "+1 reputation"), QuestText.rewards(done.rewards()));
        PlayerState rewarded = turn.outcome().player();
        assertEquals(List.of("honey-cake"), rewarded.inventory());
        assertEquals(25, rewarded.hp());
        assertTrue(turn.outcome().changed());
        assertTrue(turn.log().completed("rats-in-the-cellar"));
        assertEquals(new QuestProgress("rats-in-the-cellar", 4, true), turn.changes().get(0).progress());
        assertEquals(20, rules.xp(turn.log()));
        assertEquals(1, rules.reputation(turn.log()));
        assertTrue(QuestText.updates(turn.updates()).startsWith("Quest complete: Rats in the Cellar! You receive: "
                + "honey cake, +5 HP, +20 XP, +1 reputation."));
    }

    @Test
    void hpRewardNeverExceedsTheMaximum() {
        PlayerState hurt = new PlayerState("p1", "Ada", "hermit-hollow", 29, 30, List.of());
        QuestTurn turn = apply(gave(hurt, "bone-charm", "tobiah"), at("the-kings-barrow", 4));
        assertEquals(30, turn.outcome().player().hp());
    }

    @Test
    void aDoneQuestIsNotAdvancedOrGivenAgain() {
        QuestLog done = QuestLog.EMPTY.with(new QuestProgress("rats-in-the-cellar", 4, true));
        assertEquals(List.of(), apply(gave(ada("inn"), "rat-tail", "marta"), done).updates());
        assertEquals(List.of(), apply(talked(ada("inn"), "marta"), done).changes());
    }

    // ---- two players ----

    private static Companion bo(String at, QuestLog log) {
        return new Companion("p2", at, log, false);
    }

    @Test
    void theWatchNeedsASecondHolderOfTheStepInTheTower() {
        QuestLog mine = at("the-night-watch", 0);
        QuestTurn alone = rules.apply(null, moved(ada("watchtower")), mine, List.of());
        assertEquals(List.of("waiting:the-night-watch:1"), kinds(alone));
        assertEquals(List.of(), alone.changes(), "waiting changes nothing");
        assertTrue(QuestText.updates(alone.updates()).contains("needs 2 players"));
        // someone in the tower without the quest, or elsewhere with it, does not count
        assertEquals(List.of("waiting:the-night-watch:1"), kinds(rules.apply(null, moved(ada("watchtower")), mine,
                List.of(bo("watchtower", QuestLog.EMPTY), bo("north-gate", mine)))));
        // a second watcher on this step in the tower: done
        QuestTurn together = rules.apply(null, moved(ada("watchtower")), mine, List.of(bo("watchtower", mine)));
        assertEquals(List.of("step_done:the-night-watch:1"), kinds(together));
    }

    @Test
    void theFirstWatcherCompletesWithTheirNextActionOnceTheSecondIsDone() {
        QuestLog boPast = at("the-night-watch", 1); // Bo arrived second and is already past the watch
        Outcome look = outcome(Verb.LOOK, ada("watchtower"), new Facts.Nothing(), null);
        QuestTurn turn = rules.apply(null, look, at("the-night-watch", 0), List.of(bo("watchtower", boPast)));
        assertEquals(List.of("step_done:the-night-watch:1"), kinds(turn));
        assertEquals("Report to Captain Vell at the North Gate.", turn.updates().get(0).next());
    }

    // ---- party sharing (the hook parties will use) ----

    @Test
    void aCompanionWhoSharesProgressAdvancesWithTheActorAndEarnsTheRewardAsAGrant() {
        Companion party = new Companion("p2", "far-away", at("rats-in-the-cellar", 3), true);
        Companion behind = new Companion("p3", "inn", at("rats-in-the-cellar", 1), true);
        QuestTurn turn = rules.apply(null, gave(ada("inn"), "rat-tail", "marta"), at("rats-in-the-cellar", 3),
                List.of(party, behind));
        assertEquals(List.of(new QuestTurn.Change("p2", new QuestProgress("rats-in-the-cellar", 4, true)),
                new QuestTurn.Change("p1", new QuestProgress("rats-in-the-cellar", 4, true))), turn.changes());
        assertEquals(Map.of("p2", WORLD.quest("rats-in-the-cellar").get().reward()), turn.grants());
    }

    @Test
    void aCompanionWhoDoesNotShareIsNotAdvanced() {
        QuestTurn turn = rules.apply(null, gave(ada("inn"), "rat-tail", "marta"), at("rats-in-the-cellar", 3),
                List.of(bo("inn", at("rats-in-the-cellar", 3))));
        assertEquals(1, turn.changes().size());
        assertEquals(Map.of(), turn.grants());
    }

    // ---- the log ----

    @Test
    void theLogListsActiveQuestsThenDoneOnesWithXp() {
        QuestLog log = at("iron-for-the-forge", 1).with(new QuestProgress("rats-in-the-cellar", 4, true));
        Outcome decided = new RulesEngine(WORLD, (a, b) -> a).apply(ada("square"), here("square"),
                parser.parse("quests"), 0);
        Facts.QuestsShown shown = assertInstanceOf(Facts.QuestsShown.class,
                rules.apply(parser.parse("quests"), decided, log).outcome().facts());
        assertEquals(List.of("iron-for-the-forge", "rats-in-the-cellar"),
                shown.quests().stream().map(QuestEntry::id).toList());
        assertEquals(20, shown.xp());
        QuestEntry iron = shown.quests().get(0);
        assertEquals(2, iron.step());
        assertEquals("Bring the cracked shield to Brannoc.", iron.current());
        assertTrue(QuestText.shown(shown).contains("Iron for the Forge (step 2 of 2): Bring the cracked shield"));
    }

    @Test
    void questNameShowsOneQuestInDetailAndAnUnknownNameIsRefused() {
        QuestLog log = at("iron-for-the-forge", 1);
        Intent intent = parser.parse("quest iron for the forge");
        assertEquals(Verb.QUEST, intent.verb());
        Outcome decided = new RulesEngine(WORLD, (a, b) -> a).apply(ada("square"), here("square"), intent, 0);
        Facts.QuestsShown shown = assertInstanceOf(Facts.QuestsShown.class,
                rules.apply(intent, decided, log).outcome().facts());
        assertTrue(shown.detail());
        String text = QuestText.shown(shown);
        assertTrue(text.contains("[x] Find the cracked shield") && text.contains("[ ] Bring the cracked shield"),
                text);
        Intent partial = parser.parse("quest forge");
        assertEquals("iron-for-the-forge", ((Facts.QuestsShown) rules.apply(partial, decided, log).outcome().facts())
                .quests().get(0).id());
        Outcome unknown = rules.apply(parser.parse("quest dragons"), decided, log).outcome();
        assertFalse(unknown.success());
        Facts.Refused refused = assertInstanceOf(Facts.Refused.class, unknown.facts());
        assertEquals(Refusal.NO_SUCH_QUEST, refused.reason());
        assertEquals("dragons", refused.what());
        assertNull(unknown.npcTalk());
    }

    @Test
    void theParserKnowsTheQuestCommands() {
        for (String text : List.of("quests", "journal", "quest", "quest log", "quests please")) {
            assertEquals(Verb.QUESTS, parser.parse(text).verb(), text);
        }
        assertEquals("rats in cellar", parser.parse("quest Rats in the Cellar").target(), "articles go, as everywhere");
    }

    @Test
    void aWholeQuestThroughTheRulesEngine() {
        // the engine's own outcomes, not hand-made ones: talk, go down, kill (rolls fixed), take, go up, give
        RulesEngine engine = new RulesEngine(WORLD, (min, max) -> max);
        PlayerState player = ada("inn");
        LocationState inn = engine.initialState("inn");
        QuestLog log = QuestLog.EMPTY;
        List<String> seen = new ArrayList<>();
        String[][] script = {{"inn", "talk to marta"}, {"inn", "go down"}, {"cellar", "attack rat"},
                {"cellar", "take rat tail"}, {"cellar", "up"}, {"inn", "give rat tail to marta"}};
        LocationState cellar = engine.initialState("cellar");
        for (String[] step : script) {
            Outcome decided;
            QuestTurn turn;
            do { // an attack until the rat falls
                LocationState at = step[0].equals("inn") ? inn : cellar;
                Intent intent = parser.parse(step[1]);
                decided = engine.apply(player, at, intent, 1_000);
                assertTrue(decided.success(), step[1] + ": " + decided.facts());
                turn = rules.apply(intent, decided, log);
                player = turn.outcome().player();
                if (step[0].equals("cellar")) {
                    cellar = turn.outcome().location();
                }
                log = turn.log();
                seen.addAll(kinds(turn));
            } while (decided.facts() instanceof Facts.Fought fought && !fought.killed());
        }
        assertEquals(List.of("accepted:rats-in-the-cellar:1", "step_done:rats-in-the-cellar:1",
                "step_done:rats-in-the-cellar:2", "step_done:rats-in-the-cellar:3",
                "completed:rats-in-the-cellar:4"), seen);
        assertTrue(player.inventory().contains("honey-cake"));
    }
}

package com.langomni.orchestrator.game.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.NpcTalk;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.quest.QuestLog;
import com.langomni.orchestrator.game.rules.quest.QuestProgress;
import com.langomni.orchestrator.game.rules.quest.QuestRules;
import com.langomni.orchestrator.game.rules.quest.QuestTurn;
import com.langomni.orchestrator.game.world.WorldPackLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The NPC a player talks to is told, as facts the rules decided, where the player stands in its quests. */
class NpcQuestFactsTest {

    private static final World WORLD = WorldPackLoader.fromClasspath("world/pack.yaml");
    private final QuestRules rules = new QuestRules(WORLD);

    private static Outcome talkTo(String npc, String at) {
        PlayerState ada = new PlayerState("p1", "Ada", at, 30, 30, List.of());
        return new Outcome(Verb.TALK, true, ada, new LocationState(at, List.of(), Map.of(), Set.of()), false,
                List.of(), new Facts.Talked(npc, npc, null, null, null), new NpcTalk(npc, null, "hello"));
    }

    @Test
    void theGiverHearsOfTheQuestJustAcceptedAndLaterOfItsStep() {
        QuestTurn accepted = QuestProgression.toldToTheNpc(rules.apply(null, talkTo("marta", "inn"), QuestLog.EMPTY));
        assertEquals(List.of("Ada has just accepted your quest 'Rats in the Cellar': Something big is gnawing at "
                + "Marta's sacks down in the inn cellar. She wants it gone, and proof of it."),
                accepted.outcome().npcTalk().facts());
        QuestLog later = accepted.log().with(new QuestProgress("rats-in-the-cellar", 3, false));
        QuestTurn again = QuestProgression.toldToTheNpc(rules.apply(null, talkTo("marta", "inn"), later));
        assertEquals(List.of("Ada is on your quest 'Rats in the Cellar', step 4 of 4: Give the rat's tail to "
                + "Marta."), again.outcome().npcTalk().facts());
    }

    @Test
    void anNpcTheCurrentStepIsAboutHearsOfItAndAnUnreadyPlayerIsNamedSo() {
        QuestLog watch = QuestLog.EMPTY.with(new QuestProgress("rats-in-the-cellar", 4, true));
        QuestTurn captain = QuestProgression.toldToTheNpc(rules.apply(null, talkTo("hadrik", "north-gate"), watch));
        // the wolves are accepted now; the watch still waits for them
        assertEquals(List.of("Ada has just accepted your quest 'Wolves at the Edge': Captain Vell wants the grey "
                + "wolves thinned out at the Eldwood's edge, but only from someone the town vouches for.",
                "Ada is not ready for your quest 'The Night Watch' until they complete 'Wolves at the Edge'."),
                captain.outcome().npcTalk().facts());
    }

    @Test
    void anNpcWithNothingToDoWithThePlayersQuestsGetsNoFacts() {
        QuestTurn turn = QuestProgression.toldToTheNpc(rules.apply(null, talkTo("lark", "inn"), QuestLog.EMPTY));
        assertEquals(List.of(), turn.outcome().npcTalk().facts());
        QuestTurn none = rules.apply(null, talkTo("lark", "inn"), QuestLog.EMPTY);
        assertSame(none.outcome().npcTalk(), QuestProgression.toldToTheNpc(none).outcome().npcTalk());
    }
}

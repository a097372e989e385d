package com.langomni.orchestrator.game.rules;

import com.langomni.api.protocol.EventKinds;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Npc;

/** SAY, TALK and TELL. The rules only decide who is addressed; the NPC service writes what they answer. */
final class Conversation {

    private Conversation() {
    }

    static Outcome say(Turn turn) {
        String words = turn.intent.topic();
        if (words == null || words.isBlank()) {
            return turn.refuse("Say what?");
        }
        turn.fact("said", words);
        turn.eventHere(EventKinds.SAY, turn.actor() + " says, \"" + words + "\"");
        return turn.done("You say, \"" + words + "\"");
    }

    static Outcome talk(Turn turn) {
        Optional<Npc> found = addressee(turn);
        if (found.isEmpty()) {
            return refusal(turn);
        }
        Npc npc = found.get();
        String topic = turn.intent.topic();
        turn.fact("npc", npc.id()).fact("npcName", npc.name()).fact("npcTitle", npc.title()).fact("topic", topic)
                .fact("greeting", npc.greeting());
        turn.npcTalk(new NpcTalk(npc.id(), topic, turn.intent.raw()));
        if (topic == null) {
            turn.eventHere(EventKinds.TALK, turn.actor() + " speaks with " + npc.name() + ".");
            return turn.done("You speak to " + npc.name() + ".");
        }
        turn.eventHere(EventKinds.TALK, turn.actor() + " asks " + npc.name() + " about " + topic + ".");
        return turn.done("You ask " + npc.name() + " about " + topic + ".");
    }

    /** TELL: the player's words go to the NPC as said, so it remembers them as they were put. */
    static Outcome tell(Turn turn) {
        Optional<Npc> found = addressee(turn);
        if (found.isEmpty()) {
            return refusal(turn);
        }
        Npc npc = found.get();
        String words = turn.intent.topic();
        if (words == null || words.isBlank()) {
            return turn.refuse("Tell " + npc.name() + " what?");
        }
        turn.fact("npc", npc.id()).fact("npcName", npc.name()).fact("npcTitle", npc.title()).fact("said", words);
        turn.npcTalk(new NpcTalk(npc.id(), null, words));
        turn.eventHere(EventKinds.TALK, turn.actor() + " speaks with " + npc.name() + ".");
        return turn.done("You tell " + npc.name() + ", \"" + words + "\"");
    }

    /** The named NPC here, or the only one here when none is named. */
    private static Optional<Npc> addressee(Turn turn) {
        String target = turn.intent.target();
        if (target == null) {
            List<Npc> npcs = turn.scene.npcs();
            return npcs.size() == 1 ? Optional.of(npcs.get(0)) : Optional.empty();
        }
        return turn.scene.npc(target);
    }

    private static Outcome refusal(Turn turn) {
        String target = turn.intent.target();
        List<Npc> npcs = turn.scene.npcs();
        if (target == null) {
            return turn.refuse(npcs.isEmpty()
                    ? "There is no one here to talk to."
                    : "Talk to whom? Here are: " + npcs.stream().map(Npc::name).collect(Collectors.joining(", "))
                            + ".");
        }
        Optional<Npc> elsewhere = turn.scene.npcAnywhere(target);
        if (elsewhere.isPresent()) {
            turn.fact("npc", elsewhere.get().id());
            return turn.refuse(elsewhere.get().name() + " is not here.");
        }
        Optional<CreatureDef> creature = turn.scene.creature(target);
        if (creature.isPresent()) {
            return turn.refuse("The " + creature.get().name() + " has nothing to say to you.");
        }
        return turn.refuse("There is no one called " + target + " here.");
    }
}

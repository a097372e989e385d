package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Refused;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.protocol.EventKinds;

import java.util.List;
import java.util.Optional;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Npc;

/** SAY, TALK and TELL. The rules only decide who is addressed; the NPC service writes what they answer. */
final class Conversation {

    private Conversation() {
    }

    static Outcome say(Turn turn) {
        String words = turn.intent.topic();
        if (words == null || words.isBlank()) {
            return turn.refuse(Refused.because(Refusal.SAY_WHAT));
        }
        turn.eventHere(EventKinds.SAY);
        return turn.done(new Facts.Said(words));
    }

    static Outcome talk(Turn turn) {
        Optional<Npc> found = addressee(turn);
        if (found.isEmpty()) {
            return refusal(turn);
        }
        Npc npc = found.get();
        if (!turn.mayTalk) {
            return turn.refuse(Refused.because(Refusal.TALKED_OUT).npc(npc.id(), npc.name()));
        }
        String topic = turn.intent.topic();
        turn.npcTalk(new NpcTalk(npc.id(), topic, turn.intent.raw()));
        turn.eventHere(EventKinds.TALK);
        return turn.done(new Facts.Talked(npc.id(), npc.name(), npc.title(), topic, npc.greeting()));
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
            return turn.refuse(Refused.because(Refusal.TELL_WHAT).npc(npc.id(), npc.name()));
        }
        if (!turn.mayTalk) {
            return turn.refuse(Refused.because(Refusal.TALKED_OUT).npc(npc.id(), npc.name()));
        }
        turn.npcTalk(new NpcTalk(npc.id(), null, words));
        turn.eventHere(EventKinds.TALK);
        return turn.done(new Facts.Told(npc.id(), npc.name(), npc.title(), words));
    }

    /** The named NPC here, or the only one here when none is named. */
    private static Optional<Npc> addressee(Turn turn) {
        String target = turn.intent.target();
        if (target == null) {
            List<Npc> npcs = turn.place.npcs();
            return npcs.size() == 1 ? Optional.of(npcs.get(0)) : Optional.empty();
        }
        return turn.place.npc(target);
    }

    private static Outcome refusal(Turn turn) {
        String target = turn.intent.target();
        List<Npc> npcs = turn.place.npcs();
        if (target == null) {
            return turn.refuse(npcs.isEmpty() ? Refused.because(Refusal.NO_ONE_TO_TALK_TO)
                    : Refused.because(Refusal.TALK_TO_WHOM).here(npcs.stream().map(Npc::name).toList()));
        }
        Optional<Npc> elsewhere = turn.place.npcAnywhere(target);
        if (elsewhere.isPresent()) {
            Refused notHere = Refused.because(Refusal.NOT_PRESENT).npc(elsewhere.get().id(), elsewhere.get().name());
            return turn.refuse(turn.place.whereIs(elsewhere.get())
                    .map(at -> notHere.here(List.of(at.name()))).orElse(notHere));
        }
        Optional<CreatureDef> creature = turn.place.creature(target);
        if (creature.isPresent()) {
            return turn.refuse(Refused.because(Refusal.WILL_NOT_TALK).creature(creature.get().name()));
        }
        return turn.refuse(Refused.because(Refusal.NO_ONE_CALLED).what(target));
    }
}

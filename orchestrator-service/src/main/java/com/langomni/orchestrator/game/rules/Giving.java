package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Refused;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.protocol.EventKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Npc;

/**
 * GIVE: an item goes from the player's pack to an NPC standing here. NPCs keep no inventory, so a gift leaves the
 * game for good (the NPC remembers it: memory/NotableEvents). Keys are refused: a key given away would lock
 * every other player out of the way it opens.
 * <p>
 * "give the ingot to Brannoc" arrives with the item as target and the NPC as topic; "give Brannoc the ingot" arrives
 * as one phrase, split here at the first point where the words before name an NPC here and the words after an item
 * carried. With one NPC present "give the ingot" goes to them.
 */
final class Giving {

    private Giving() {
    }

    static Outcome give(Turn turn) {
        String what = turn.intent.target();
        String to = turn.intent.topic();
        if (what == null) {
            return turn.refuse(to == null ? Refused.because(Refusal.GIVE_WHAT)
                    : Refused.because(Refusal.GIVE_WHAT_TO).what(to));
        }
        if (to != null) {
            Optional<Npc> npc = turn.place.npc(to);
            if (npc.isEmpty()) {
                return noRecipient(turn, to);
            }
            return carried(turn, what).map(item -> hand(turn, item, npc.get()))
                    .orElseGet(() -> turn.refuse(Refused.because(Refusal.NOT_CARRIED)));
        }
        for (Split split : splits(what)) {
            Optional<Npc> npc = turn.place.npc(split.npc());
            Optional<ItemDef> item = carried(turn, split.item());
            if (npc.isPresent() && item.isPresent()) {
                return hand(turn, item.get(), npc.get());
            }
        }
        Optional<ItemDef> item = carried(turn, what);
        if (item.isEmpty()) {
            return turn.refuse(Refused.because(Refusal.NOT_CARRIED));
        }
        List<Npc> npcs = turn.place.npcs();
        if (npcs.size() == 1) {
            return hand(turn, item.get(), npcs.get(0));
        }
        return turn.refuse(npcs.isEmpty() ? Refused.because(Refusal.NO_ONE_TO_GIVE_TO)
                : Refused.because(Refusal.GIVE_TO_WHOM).here(npcs.stream().map(Npc::name).toList()));
    }

    private static Outcome hand(Turn turn, ItemDef item, Npc npc) {
        if (item.kind() == ItemKind.KEY) {
            return turn.refuse(Refused.because(Refusal.KEEPS_KEY).npc(npc.id(), npc.name()).item(item.name()));
        }
        List<String> pack = new ArrayList<>(turn.player.inventory());
        pack.remove(item.id());
        turn.player = turn.player.withInventory(pack);
        turn.eventHere(EventKinds.GIVE);
        return turn.done(new Facts.Given(item.id(), item.name(), npc.id(), npc.name()));
    }

    private static Optional<ItemDef> carried(Turn turn, String phrase) {
        return turn.place.item(phrase, turn.player.inventory());
    }

    private static Outcome noRecipient(Turn turn, String to) {
        Optional<Npc> elsewhere = turn.place.npcAnywhere(to);
        if (elsewhere.isPresent()) {
            return turn.refuse(Refused.because(Refusal.NOT_PRESENT).npc(elsewhere.get().id(), elsewhere.get().name()));
        }
        Optional<CreatureDef> creature = turn.place.creature(to);
        if (creature.isPresent()) {
            return turn.refuse(Refused.because(Refusal.WANTS_NO_GIFT).creature(creature.get().name()));
        }
        return turn.refuse(Refused.because(Refusal.NO_ONE_CALLED).what(to));
    }

    /** Every way to cut "brannoc iron ingot" into a recipient and an item, shortest recipient first. */
    private static List<Split> splits(String phrase) {
        List<String> words = Names.words(phrase);
        List<Split> splits = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            splits.add(new Split(String.join(" ", words.subList(0, i)), String.join(" ", words.subList(i, words.size()))));
        }
        return splits;
    }

    private record Split(String npc, String item) {
    }
}

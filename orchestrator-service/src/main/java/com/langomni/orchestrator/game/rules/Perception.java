package com.langomni.orchestrator.game.rules;

import com.langomni.api.game.CreatureView;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Refused;
import com.langomni.api.outcome.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.PlayerState;

/** LOOK, EXAMINE and HELP: reading the world, never changing it. */
final class Perception {

    private static final Set<String> SELF = Set.of("me", "self", "myself", "yourself");
    private static final Set<String> ROOM = Set.of("here", "room", "around", "surroundings", "place", "area");

    private Perception() {
    }

    /** The place as the player sees it: exits, the items on the ground, NPCs and the creatures alive. */
    static Outcome look(Turn turn) {
        Place place = turn.place;
        List<ExitView> exits = place.location().exits().stream()
                .map(e -> new ExitView(e.direction(), e.to(), place.targetName(e), place.isLocked(e)))
                .toList();
        List<ItemView> items = place.groundItems().stream().map(i -> new ItemView(i.id(), i.name())).toList();
        List<NpcView> npcs = place.npcs().stream().map(n -> new NpcView(n.id(), n.name(), n.title())).toList();
        List<CreatureView> creatures = place.aliveCreatures().stream()
                .map(c -> new CreatureView(c.id(), c.name(), place.hpOf(c), c.maxHp(), c.hostile()))
                .toList();
        return turn.done(new Facts.Looked(new LocationView(place.location().id(), place.location().name(),
                place.description(), exits, items, npcs, creatures, List.of(), place.worldNow())));
    }

    static Outcome examine(Turn turn) {
        String what = turn.intent.target();
        if (what == null) {
            return turn.refuse(Refused.because(Refusal.EXAMINE_WHAT));
        }
        Place place = turn.place;
        if (SELF.contains(what)) {
            return self(turn);
        }
        if (ROOM.contains(what)) {
            return look(turn);
        }
        Optional<ItemDef> item = place.item(what, turn.player.inventory()).or(() -> place.groundItem(what));
        if (item.isPresent()) {
            return item(turn, item.get());
        }
        Optional<Npc> npc = place.npc(what);
        if (npc.isPresent()) {
            Npc n = npc.get();
            return turn.done(new Facts.NpcExamined(n.id(), n.name(), n.title(), firstSentence(n.persona())));
        }
        Optional<CreatureDef> creature = place.creature(what);
        if (creature.isPresent()) {
            CreatureDef c = creature.get();
            return turn.done(new Facts.CreatureExamined(c.id(), c.name(), c.description(), place.hpOf(c), c.maxHp(),
                    c.hostile()));
        }
        Optional<Exit> exit = place.exit(what);
        if (exit.isPresent()) {
            Exit e = exit.get();
            return turn.done(new Facts.ExitExamined(Directions.way(e.direction()), e.to(), place.targetName(e),
                    place.isLocked(e)));
        }
        return turn.refuse(Refused.because(Refusal.NOT_SEEN).what(what));
    }

    static Outcome help(Turn turn) {
        return turn.done(new Facts.HelpShown());
    }

    private static Outcome item(Turn turn, ItemDef item) {
        return turn.done(new Facts.ItemExamined(item.id(), item.name(), item.kind().name().toLowerCase(Locale.ROOT),
                item.description(), item.kind() == ItemKind.WEAPON ? item.damage() : null,
                item.kind() == ItemKind.CONSUMABLE ? item.heal() : null));
    }

    private static Outcome self(Turn turn) {
        PlayerState p = turn.player;
        List<String> carried = turn.place.defs(p.inventory()).stream().map(ItemDef::name).toList();
        return turn.done(new Facts.SelfExamined(p.name(), p.hp(), p.maxHp(), carried));
    }

    /** What anyone sees of an NPC: the first sentence of their persona (the rest is theirs to tell). */
    private static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf(". ");
        return end < 0 ? trimmed : trimmed.substring(0, end + 1);
    }
}

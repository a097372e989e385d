package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Refused;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.protocol.EventKinds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.LocationState;

/** TAKE, DROP, INVENTORY and USE: items moving between the ground and a pack, and what using them does. */
final class ItemRules {

    /** Pack size; keeps a player's state bounded. */
    static final int MAX_INVENTORY = 20;
    /** Items a location can hold; loot beyond it is lost so the floor cannot grow without end. */
    static final int MAX_GROUND_ITEMS = 40;

    private ItemRules() {
    }

    static Outcome take(Turn turn) {
        String what = turn.intent.target();
        if (what == null) {
            return turn.refuse(Refused.because(Refusal.TAKE_WHAT));
        }
        Optional<ItemDef> found = turn.place.groundItem(what);
        if (found.isEmpty()) {
            if (turn.place.item(what, turn.player.inventory()).isPresent()) {
                return turn.refuse(Refused.because(Refusal.ALREADY_HAVE));
            }
            if (turn.place.npc(what).isPresent() || turn.place.creature(what).isPresent()) {
                return turn.refuse(Refused.because(Refusal.CANNOT_TAKE_THAT));
            }
            return turn.refuse(Refused.because(Refusal.NOT_HERE).what(what));
        }
        ItemDef item = found.get();
        if (!item.takeable()) {
            return turn.refuse(Refused.because(Refusal.NOT_TAKEABLE).item(item.name()));
        }
        if (turn.player.inventory().size() >= MAX_INVENTORY) {
            return turn.refuse(Refused.because(Refusal.PACK_FULL).item(item.name()));
        }
        List<String> ground = new ArrayList<>(turn.here.items());
        ground.remove(item.id());
        turn.groundItems(ground);
        List<String> pack = new ArrayList<>(turn.player.inventory());
        pack.add(item.id());
        turn.player = turn.player.withInventory(pack);
        turn.eventHere(EventKinds.TAKE);
        return turn.done(new Facts.Taken(item.id(), item.name()));
    }

    static Outcome drop(Turn turn) {
        String what = turn.intent.target();
        if (what == null) {
            return turn.refuse(Refused.because(Refusal.DROP_WHAT));
        }
        Optional<ItemDef> found = turn.place.item(what, turn.player.inventory());
        if (found.isEmpty()) {
            return turn.refuse(Refused.because(Refusal.NOT_CARRIED));
        }
        ItemDef item = found.get();
        if (turn.here.items().size() >= MAX_GROUND_ITEMS) {
            return turn.refuse(Refused.because(Refusal.GROUND_FULL).item(item.name()));
        }
        List<String> pack = new ArrayList<>(turn.player.inventory());
        pack.remove(item.id());
        turn.player = turn.player.withInventory(pack);
        List<String> ground = new ArrayList<>(turn.here.items());
        ground.add(item.id());
        turn.groundItems(ground);
        turn.eventHere(EventKinds.DROP);
        return turn.done(new Facts.Dropped(item.id(), item.name()));
    }

    static Outcome inventory(Turn turn) {
        List<String> carried = turn.place.defs(turn.player.inventory()).stream().map(ItemDef::name).toList();
        return turn.done(new Facts.InventoryShown(carried, turn.player.hp(), turn.player.maxHp()));
    }

    static Outcome use(Turn turn) {
        String what = turn.intent.target();
        String on = turn.intent.topic();
        if (what == null) {
            return on == null ? turn.refuse(Refused.because(Refusal.USE_WHAT)) : unlockWithAnyKey(turn, on);
        }
        Optional<ItemDef> found = turn.place.item(what, turn.player.inventory());
        if (found.isEmpty()) {
            Optional<ItemDef> ground = turn.place.groundItem(what);
            if (ground.isPresent() && ground.get().takeable()) {
                return turn.refuse(Refused.because(Refusal.PICK_UP_FIRST).item(ground.get().name()));
            }
            if (ground.isPresent()) {
                return turn.done(new Facts.NoEffect(ground.get().id(), ground.get().name(), false));
            }
            return turn.refuse(Refused.because(Refusal.NOT_CARRIED));
        }
        ItemDef item = found.get();
        return switch (item.kind()) {
            case CONSUMABLE -> consume(turn, item);
            case KEY -> unlock(turn, item, on);
            default -> turn.done(new Facts.NoEffect(item.id(), item.name(), true));
        };
    }

    private static Outcome consume(Turn turn, ItemDef item) {
        if (turn.player.hp() >= turn.player.maxHp()) {
            return turn.refuse(Refused.because(Refusal.FULL_HEALTH).item(item.name()));
        }
        List<String> pack = new ArrayList<>(turn.player.inventory());
        pack.remove(item.id());
        int hpBefore = turn.player.hp();
        turn.player = turn.player.withInventory(pack).withHp(hpBefore + item.heal());
        turn.eventHere(EventKinds.USE);
        return turn.done(new Facts.Healed(item.id(), item.name(), turn.player.hp() - hpBefore, turn.player.hp(),
                turn.player.maxHp()));
    }

    private static Outcome unlock(Turn turn, ItemDef key, String on) {
        List<Exit> fits = turn.place.location().exits().stream()
                .filter(e -> key.id().equals(e.keyItemId()))
                .toList();
        if (on != null) {
            Optional<Exit> named = turn.place.exit(on);
            if (named.isEmpty()) {
                return turn.refuse(Refused.because(Refusal.NOTHING_TO_UNLOCK).what(on).item(key.name()));
            }
            if (!fits.contains(named.get())) {
                return turn.refuse(Refused.because(Refusal.KEY_DOES_NOT_FIT).item(key.name())
                        .way(Directions.way(named.get().direction())));
            }
            fits = List.of(named.get());
        }
        List<Exit> locked = fits.stream().filter(turn.place::isLocked).toList();
        if (fits.isEmpty()) {
            return turn.refuse(Refused.because(Refusal.KEY_FITS_NOTHING).item(key.name()));
        }
        if (locked.isEmpty()) {
            return turn.refuse(Refused.because(Refusal.ALREADY_UNLOCKED).item(key.name())
                    .way(Directions.way(fits.get(0).direction())));
        }
        return open(turn, locked, key);
    }

    /** "unlock the door": with whichever carried key fits it. */
    private static Outcome unlockWithAnyKey(Turn turn, String on) {
        Optional<Exit> named = turn.place.exit(on);
        if (named.isEmpty()) {
            return turn.refuse(Refused.because(Refusal.NOTHING_TO_UNLOCK).what(on));
        }
        Exit exit = named.get();
        if (!turn.place.isLocked(exit)) {
            return turn.refuse(Refused.because(Refusal.NOT_LOCKED).way(Directions.way(exit.direction())));
        }
        if (!turn.player.inventory().contains(exit.keyItemId())) {
            return turn.refuse(Refused.because(Refusal.NO_KEY).way(Directions.way(exit.direction())));
        }
        return open(turn, List.of(exit), turn.world.item(exit.keyItemId()).orElseThrow());
    }

    private static Outcome open(Turn turn, List<Exit> exits, ItemDef key) {
        Set<String> open = new HashSet<>(turn.here.unlockedExits());
        exits.forEach(e -> open.add(e.direction()));
        turn.here = new LocationState(turn.here.locationId(), turn.here.items(), turn.here.creatures(), open);
        turn.eventHere(EventKinds.USE);
        return turn.done(new Facts.Unlocked(key.id(), key.name(),
                exits.stream().map(e -> Directions.way(e.direction())).toList()));
    }
}

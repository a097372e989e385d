package com.langomni.orchestrator.game.rules;

import com.langomni.api.protocol.EventKinds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
            return turn.refuse("Take what?");
        }
        Optional<ItemDef> found = turn.scene.groundItem(what);
        if (found.isEmpty()) {
            if (turn.scene.item(what, turn.player.inventory()).isPresent()) {
                return turn.refuse("You already have that.");
            }
            if (turn.scene.npc(what).isPresent() || turn.scene.creature(what).isPresent()) {
                return turn.refuse("You can't take that.");
            }
            return turn.refuse("You don't see " + what + " here.");
        }
        ItemDef item = found.get();
        turn.fact("item", item.id()).fact("itemName", item.name());
        if (!item.takeable()) {
            return turn.refuse("You can't take the " + item.name() + ".");
        }
        if (turn.player.inventory().size() >= MAX_INVENTORY) {
            return turn.refuse("You can't carry any more.");
        }
        List<String> ground = new ArrayList<>(turn.here.items());
        ground.remove(item.id());
        turn.groundItems(ground);
        List<String> pack = new ArrayList<>(turn.player.inventory());
        pack.add(item.id());
        turn.player = turn.player.withInventory(pack);
        turn.eventHere(EventKinds.TAKE, turn.actor() + " picks up the " + item.name() + ".");
        return turn.done("You take the " + item.name() + ".");
    }

    static Outcome drop(Turn turn) {
        String what = turn.intent.target();
        if (what == null) {
            return turn.refuse("Drop what?");
        }
        Optional<ItemDef> found = turn.scene.item(what, turn.player.inventory());
        if (found.isEmpty()) {
            return turn.refuse("You don't have that.");
        }
        ItemDef item = found.get();
        turn.fact("item", item.id()).fact("itemName", item.name());
        if (turn.here.items().size() >= MAX_GROUND_ITEMS) {
            return turn.refuse("There is no room to drop anything more here.");
        }
        List<String> pack = new ArrayList<>(turn.player.inventory());
        pack.remove(item.id());
        turn.player = turn.player.withInventory(pack);
        List<String> ground = new ArrayList<>(turn.here.items());
        ground.add(item.id());
        turn.groundItems(ground);
        turn.eventHere(EventKinds.DROP, turn.actor() + " drops the " + item.name() + ".");
        return turn.done("You drop the " + item.name() + ".");
    }

    static Outcome inventory(Turn turn) {
        List<ItemDef> carried = turn.scene.defs(turn.player.inventory());
        String names = carried.stream().map(ItemDef::name).collect(Collectors.joining(", "));
        turn.fact("items", names).fact("playerHp", turn.player.hp()).fact("playerMaxHp", turn.player.maxHp());
        String health = " You have " + turn.player.hp() + " of " + turn.player.maxHp() + " HP.";
        return turn.done(carried.isEmpty()
                ? "You are carrying nothing." + health
                : "You are carrying: " + names + "." + health);
    }

    static Outcome use(Turn turn) {
        String what = turn.intent.target();
        String on = turn.intent.topic();
        if (what == null) {
            return on == null ? turn.refuse("Use what?") : unlockWithAnyKey(turn, on);
        }
        Optional<ItemDef> found = turn.scene.item(what, turn.player.inventory());
        if (found.isEmpty()) {
            Optional<ItemDef> ground = turn.scene.groundItem(what);
            if (ground.isPresent() && ground.get().takeable()) {
                return turn.refuse("You need to pick up the " + ground.get().name() + " first.");
            }
            if (ground.isPresent()) {
                turn.fact("item", ground.get().id()).fact("itemName", ground.get().name());
                return turn.done("You try the " + ground.get().name() + ". Nothing happens.");
            }
            return turn.refuse("You don't have that.");
        }
        ItemDef item = found.get();
        turn.fact("item", item.id()).fact("itemName", item.name());
        return switch (item.kind()) {
            case CONSUMABLE -> consume(turn, item);
            case KEY -> unlock(turn, item, on);
            default -> turn.done("You use the " + item.name() + ". Nothing happens.");
        };
    }

    private static Outcome consume(Turn turn, ItemDef item) {
        if (turn.player.hp() >= turn.player.maxHp()) {
            return turn.refuse("You are already at full health; you keep the " + item.name() + ".");
        }
        List<String> pack = new ArrayList<>(turn.player.inventory());
        pack.remove(item.id());
        int hpBefore = turn.player.hp();
        turn.player = turn.player.withInventory(pack).withHp(hpBefore + item.heal());
        int healed = turn.player.hp() - hpBefore;
        turn.fact("healed", healed).fact("playerHp", turn.player.hp()).fact("playerMaxHp", turn.player.maxHp());
        turn.eventHere(EventKinds.USE, turn.actor() + " uses the " + item.name() + " and looks better for it.");
        return turn.done("You use the " + item.name() + " and recover " + healed + " HP (" + turn.player.hp()
                + " of " + turn.player.maxHp() + ").");
    }

    private static Outcome unlock(Turn turn, ItemDef key, String on) {
        List<Exit> fits = turn.scene.location().exits().stream()
                .filter(e -> key.id().equals(e.keyItemId()))
                .toList();
        if (on != null) {
            Optional<Exit> named = turn.scene.exit(on);
            if (named.isEmpty()) {
                return turn.refuse("There is no " + on + " here to unlock.");
            }
            if (!fits.contains(named.get())) {
                return turn.refuse("The " + key.name() + " doesn't fit the way " + Movement.wayName(named.get()) + ".");
            }
            fits = List.of(named.get());
        }
        List<Exit> locked = fits.stream().filter(turn.scene::isLocked).toList();
        if (fits.isEmpty()) {
            return turn.refuse("There is nothing here that the " + key.name() + " unlocks.");
        }
        if (locked.isEmpty()) {
            return turn.refuse("The way " + Movement.wayName(fits.get(0)) + " is already unlocked.");
        }
        return open(turn, locked, key);
    }

    /** "unlock the door": with whichever carried key fits it. */
    private static Outcome unlockWithAnyKey(Turn turn, String on) {
        Optional<Exit> named = turn.scene.exit(on);
        if (named.isEmpty()) {
            return turn.refuse("There is no " + on + " here to unlock.");
        }
        Exit exit = named.get();
        if (!turn.scene.isLocked(exit)) {
            return turn.refuse("The way " + Movement.wayName(exit) + " is not locked.");
        }
        if (!turn.player.inventory().contains(exit.keyItemId())) {
            return turn.refuse("You don't have the key for the way " + Movement.wayName(exit) + ".");
        }
        ItemDef key = turn.world.item(exit.keyItemId()).orElseThrow();
        turn.fact("item", key.id()).fact("itemName", key.name());
        return open(turn, List.of(exit), key);
    }

    private static Outcome open(Turn turn, List<Exit> exits, ItemDef key) {
        Set<String> open = new HashSet<>(turn.here.unlockedExits());
        exits.forEach(e -> open.add(e.direction()));
        turn.here = new LocationState(turn.here.locationId(), turn.here.items(), turn.here.creatures(), open);
        String ways = exits.stream().map(Movement::wayName).collect(Collectors.joining(" and the way "));
        turn.fact("unlocked", true).fact("direction", exits.get(0).direction());
        turn.eventHere(EventKinds.USE, turn.actor() + " unlocks the way " + ways + ".");
        return turn.done("You unlock the way " + ways + " with the " + key.name() + ".");
    }
}

package com.langomni.orchestrator.game.rules;

import com.langomni.api.protocol.EventKinds;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.LocationState;

/** GO: moving along exits, through locked ones when the player carries the key. */
final class Movement {

    private Movement() {
    }

    static Outcome go(Turn turn, String where) {
        if (where == null || where.isBlank()) {
            return turn.refuse("Go where? Name a direction or a way out.");
        }
        Optional<Exit> found = turn.scene.exit(where);
        if (found.isEmpty()) {
            return turn.refuse(Directions.canonical(where).isPresent()
                    ? "There is no exit " + Directions.canonical(where).get() + "."
                    : "There is no way to " + where + " from here.");
        }
        Exit exit = found.get();
        Location target = turn.world.location(exit.to())
                .orElseThrow(() -> new IllegalStateException("exit to unknown location '" + exit.to() + "'"));
        turn.fact("direction", exit.direction()).fact("from", turn.scene.location().id()).fact("to", target.id())
                .fact("fromName", turn.scene.location().name()).fact("toName", target.name());
        boolean unlocked = false;
        if (turn.scene.isLocked(exit)) {
            if (!turn.player.inventory().contains(exit.keyItemId())) {
                turn.fact("locked", true);
                return turn.refuse("The way " + wayName(exit) + " is locked. You need the right key.");
            }
            Set<String> open = new HashSet<>(turn.here.unlockedExits());
            open.add(exit.direction());
            turn.here = new LocationState(turn.here.locationId(), turn.here.items(), turn.here.creatures(), open);
            turn.fact("unlocked", true).fact("item", exit.keyItemId());
            turn.eventHere(EventKinds.USE, turn.actor() + " unlocks the way " + wayName(exit) + ".");
            unlocked = true;
        }
        turn.player = turn.player.withLocation(target.id());
        turn.eventHere(EventKinds.LEFT, turn.actor() + " " + Directions.leaving(exit.direction()) + ".");
        turn.event(target.id(), EventKinds.ARRIVED, turn.actor() + " " + arrival(turn, target) + ".");
        String key = unlocked
                ? "You unlock the way " + wayName(exit) + " with the " + keyName(turn, exit) + ". "
                : "";
        return turn.done(key + "You go " + wayName(exit) + " to " + target.name() + ".");
    }

    /** "north", "up", "through the gate". */
    static String wayName(Exit exit) {
        String d = exit.direction();
        return Directions.isCompass(d) || Directions.canonical(d).isPresent() ? d : "through the " + d;
    }

    private static String arrival(Turn turn, Location target) {
        String from = turn.scene.location().id();
        return target.exits().stream()
                .filter(back -> back.to().equals(from))
                .findFirst()
                .map(back -> Directions.arriving(back.direction()))
                .orElse("arrives");
    }

    private static String keyName(Turn turn, Exit exit) {
        return turn.world.item(exit.keyItemId()).map(ItemDef::name).orElse("key");
    }
}

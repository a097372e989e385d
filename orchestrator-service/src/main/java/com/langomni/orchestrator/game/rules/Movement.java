package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Refused;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.protocol.EventKinds;

import java.util.HashSet;
import java.util.List;
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
            return turn.refuse(Refused.because(Refusal.GO_WHERE));
        }
        Optional<Exit> found = turn.place.exit(where);
        if (found.isEmpty()) {
            Optional<String> direction = Directions.canonical(where);
            return turn.refuse(direction.isPresent() ? Refused.because(Refusal.NO_EXIT).what(direction.get())
                    : Refused.because(Refusal.NO_WAY).what(where));
        }
        Exit exit = found.get();
        Optional<com.langomni.orchestrator.game.rules.world.WorldEventKind> closed = turn.place.blocking(exit);
        if (closed.isPresent()) {
            return turn.refuse(Refused.because(Refusal.EXIT_BLOCKED).way(Directions.way(exit.direction()))
                    .here(List.of(closed.get().name())));
        }
        Location target = turn.world.location(exit.to())
                .orElseThrow(() -> new IllegalStateException("exit to unknown location '" + exit.to() + "'"));
        String key = null;
        String keyName = null;
        if (turn.place.isLocked(exit)) {
            if (!turn.player.inventory().contains(exit.keyItemId())) {
                return turn.refuse(Refused.because(Refusal.LOCKED).way(Directions.way(exit.direction())));
            }
            Set<String> open = new HashSet<>(turn.here.unlockedExits());
            open.add(exit.direction());
            turn.here = new LocationState(turn.here.locationId(), turn.here.items(), turn.here.creatures(), open);
            turn.eventHere(EventKinds.USE);
            key = exit.keyItemId();
            keyName = turn.world.item(key).map(ItemDef::name).orElse(null);
        }
        turn.player = turn.player.withLocation(target.id());
        turn.eventHere(EventKinds.LEFT);
        turn.event(target.id(), EventKinds.ARRIVED);
        Location from = turn.place.location();
        return turn.done(new Facts.Moved(Directions.way(exit.direction()), from.id(), from.name(), target.id(),
                target.name(), back(from, target), key, keyName));
    }

    /** The direction of the way back from {@code target}, null when none leads back. */
    private static String back(Location from, Location target) {
        return target.exits().stream()
                .filter(back -> back.to().equals(from.id()))
                .findFirst()
                .map(Exit::direction)
                .orElse(null);
    }
}

package com.langomni.orchestrator.game.rules;

import com.langomni.orchestrator.game.rules.model.Dice;
import com.langomni.api.outcome.Facts;
import java.util.ArrayList;
import java.util.List;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

/**
 * One intent being applied: what the player and the location were, what they are becoming, and the events raised on
 * the way. Finishes as an {@link Outcome} with the facts of what happened.
 */
final class Turn {

    final World world;
    final Dice dice;
    final Intent intent;
    final Place place;
    final PlayerState before;
    final LocationState hereBefore;
    /** False when the player's conversation budget is spent: no NPC is talked to this turn. */
    final boolean mayTalk;
    PlayerState player;
    LocationState here;

    private final List<RoomEventSpec> events = new ArrayList<>();
    private NpcTalk npcTalk;

    Turn(World world, Dice dice, Intent intent, Place place, PlayerState player, boolean mayTalk) {
        this.world = world;
        this.mayTalk = mayTalk;
        this.dice = dice;
        this.intent = intent;
        this.place = place;
        this.before = player;
        this.hereBefore = place.state();
        this.player = player;
        this.here = place.state();
    }

    /** An event others in {@code locationId} see; the words come from the outcome's facts. */
    void event(String locationId, String kind) {
        events.add(new RoomEventSpec(locationId, kind));
    }

    void eventHere(String kind) {
        event(place.location().id(), kind);
    }

    void npcTalk(NpcTalk talk) {
        this.npcTalk = talk;
    }

    /** Replaces the items on the ground here, keeping creatures and unlocked exits. */
    void groundItems(List<String> items) {
        here = new LocationState(here.locationId(), items, here.creatures(), here.unlockedExits());
    }

    Outcome done(Facts facts) {
        boolean changed = !player.equals(before) || !here.equals(hereBefore);
        return new Outcome(intent.verb(), true, player, here, changed, List.copyOf(events), facts, npcTalk);
    }

    /** A refused action: nothing changes, nobody else sees anything, the facts say why. */
    Outcome refuse(Facts.Refused why) {
        return new Outcome(intent.verb(), false, before, hereBefore, false, List.of(), why, null);
    }
}

package com.langomni.orchestrator.game.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

/**
 * One intent being applied: what the player and the location were, what they are becoming, and the events and
 * facts gathered on the way. Finishes as an {@link Outcome}.
 */
final class Turn {

    final World world;
    final Dice dice;
    final Intent intent;
    final Scene scene;
    final PlayerState before;
    final LocationState hereBefore;
    PlayerState player;
    LocationState here;

    private final List<RoomEventSpec> events = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private NpcTalk npcTalk;

    Turn(World world, Dice dice, Intent intent, Scene scene, PlayerState player) {
        this.world = world;
        this.dice = dice;
        this.intent = intent;
        this.scene = scene;
        this.before = player;
        this.hereBefore = scene.state();
        this.player = player;
        this.here = scene.state();
        fact("location", scene.location().id());
    }

    String actor() {
        return player.name();
    }

    Turn fact(String key, Object value) {
        if (value != null) {
            facts.put(key, String.valueOf(value));
        }
        return this;
    }

    void event(String locationId, String kind, String text) {
        events.add(new RoomEventSpec(locationId, kind, text));
    }

    void eventHere(String kind, String text) {
        event(scene.location().id(), kind, text);
    }

    void npcTalk(NpcTalk talk) {
        this.npcTalk = talk;
    }

    /** Replaces the items on the ground here, keeping creatures and unlocked exits. */
    void groundItems(List<String> items) {
        here = new LocationState(here.locationId(), items, here.creatures(), here.unlockedExits());
    }

    Outcome done(String message) {
        boolean changed = !player.equals(before) || !here.equals(hereBefore);
        return new Outcome(intent.verb(), true, message, player, here, changed, List.copyOf(events),
                Collections.unmodifiableMap(new LinkedHashMap<>(facts)), npcTalk);
    }

    /** A refused action: nothing changes, nobody else sees anything, the message says why. */
    Outcome refuse(String message) {
        fact("refused", true);
        return new Outcome(intent.verb(), false, message, before, hereBefore, false, List.of(),
                Collections.unmodifiableMap(new LinkedHashMap<>(facts)), null);
    }
}
